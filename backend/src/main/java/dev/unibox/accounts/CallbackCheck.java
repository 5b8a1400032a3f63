package dev.unibox.accounts;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.config.SectionCheck;
import dev.unibox.config.UniboxConfig;
import java.util.List;

/** Configured accounts obey {@link CallbackRule}: a real platform needs its public callback URL spelled out. */
public final class CallbackCheck implements SectionCheck {

  @Override
  public void check(UniboxConfig config, List<String> problems) {
    List<AccountConfig> accounts = config.accounts();
    for (int i = 0; i < accounts.size(); i++) {
      AccountConfig a = accounts.get(i);
      String problem = a.apiBaseUrl().isEmpty() ? null : CallbackRule.problem(a.apiBaseUrl(), a.callbackUrl());
      if (problem != null) {
        problems.add("accounts[" + i + "]." + problem);
      }
    }
  }
}

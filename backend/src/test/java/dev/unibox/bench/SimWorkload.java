package dev.unibox.bench;

import dev.unibox.planning.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The buyers of a scenario, drawn from its seed: Poisson arrivals per second from each shop's curve,
 * a language by the shop's shares, a kind by the hour's mix (its text in that language; the engine
 * classifies the text itself, the kind is the ground truth), returning buyers, and the reading and
 * handling times the simulated agent will need.
 */
final class SimWorkload {

  enum Kind {
    PRE_SALE, IN_SALE, AFTER_SALE_URGENT, PROMO_URGENT;

    boolean urgent() {
      return this == AFTER_SALE_URGENT || this == PROMO_URGENT;
    }
  }

  /** One buyer's question: when (seconds from the scenario's midnight), where, what, and the agent's draws. */
  record Arrival(int index, long second, Scenario.Shop shop, String language, Kind kind, String text, String buyer,
                 boolean returning, double readSeconds, double handleSeconds) {}

  /** Buyer texts per language and kind. */
  static final Map<String, Map<Kind, String[]>> TEXTS = Map.of(
      "en", Map.of(
          Kind.PRE_SALE, new String[] {"Can I stack the shop voucher with the platform coupon?", "Do you have this in size L?",
              "Is this original? What is the material?"},
          Kind.IN_SALE, new String[] {"Where is my parcel? Please send the tracking number", "Can I change my delivery address?"},
          Kind.AFTER_SALE_URGENT, new String[] {"The vase arrived broken, I want a refund please",
              "Wrong item sent, I ordered blue", "My parcel never arrived, I want my money back"},
          Kind.PROMO_URGENT, new String[] {"Flash sale ending soon and the voucher not working!",
              "The flash sale price is not applied, voucher not working"}),
      "ms", Map.of(
          Kind.PRE_SALE, new String[] {"Ada warna merah? Saiz M ada stok?", "Boleh guna baucar kedai dengan baucar Shopee?"},
          Kind.IN_SALE, new String[] {"Boleh saya tukar alamat penghantaran untuk pesanan saya?", "Bila sampai? Nombor tracking?"},
          Kind.AFTER_SALE_URGENT, new String[] {"Barang sampai rosak, saya nak pulangkan dan refund",
              "Saya belum terima barang lagi, nak buat aduan"},
          Kind.PROMO_URGENT, new String[] {"Flash sale ending, voucher not working, tolong!"}),
      "zh", Map.of(
          Kind.PRE_SALE, new String[] {"请问这款有没有黑色的?什么时候补货", "优惠券可以叠加吗?"},
          Kind.IN_SALE, new String[] {"我的快递到哪了?单号是多少", "可以改一下收货地址吗"},
          Kind.AFTER_SALE_URGENT, new String[] {"收到的杯子破损了,我要退款", "发错货了,我要投诉"},
          Kind.PROMO_URGENT, new String[] {"百亿补贴的秒杀价格怎么没有了?", "秒杀马上结束了,优惠用不了"}),
      "zh-Hant", Map.of(
          Kind.PRE_SALE, new String[] {"請問這款有沒有黑色的?", "這個尺寸會不會太小?"},
          Kind.IN_SALE, new String[] {"我的快遞到哪裡了?單號是多少", "可以改單嗎?地址寫錯了"},
          Kind.AFTER_SALE_URGENT, new String[] {"收到的商品破損了,我要退款", "包裹一直沒收到,我要退貨"},
          Kind.PROMO_URGENT, new String[] {"秒殺的價格怎麼沒有了?快結束了"}),
      "th", Map.of(
          Kind.PRE_SALE, new String[] {"สินค้านี้มีสีดำไหมคะ", "ใช้โค้ดส่วนลดร่วมกันได้ไหม"},
          Kind.IN_SALE, new String[] {"ขอเลขติดตามพัสดุหน่อยค่ะ จัดส่งหรือยัง", "เปลี่ยนที่อยู่จัดส่งได้ไหมคะ"},
          Kind.AFTER_SALE_URGENT, new String[] {"สินค้าเสียหาย ขอคืนเงินค่ะ", "ได้รับของผิด ส่งผิดสี ขอคืนเงิน"},
          Kind.PROMO_URGENT, new String[] {"แฟลชเซลใกล้หมดเวลา โค้ดใช้ไม่ได้ ขอคืนเงินส่วนต่าง"}));

  private SimWorkload() {}

  /** The arrivals of the scenario's hours, with every shop's curve multiplied by {@code scale}. */
  static List<Arrival> draw(Scenario s, long seed, double scale) {
    Random r = new Random(seed);
    List<Arrival> out = new ArrayList<>();
    List<Object[]> pastBuyers = new ArrayList<>();       // {shop, buyer, language}
    Instant midnight = s.start();
    for (long sec = s.fromHour() * 3600L; sec < s.toHour() * 3600L; sec++) {
      int hour = midnight.plusSeconds(sec).atZone(s.zone()).getHour();
      Scenario.Mix mix = s.mixAt(hour);
      for (Scenario.Shop shop : s.shops()) {
        int n = poisson(r, shop.perMinute()[hour] * scale / 60.0);
        for (int i = 0; i < n; i++) {
          out.add(one(r, s, shop, mix, sec, out.size(), pastBuyers));
        }
      }
    }
    return out;
  }

  private static Arrival one(Random r, Scenario s, Scenario.Shop shop, Scenario.Mix mix, long sec, int index,
                             List<Object[]> pastBuyers) {
    double u = r.nextDouble();
    Kind kind = u < mix.preSale() ? Kind.PRE_SALE : u < mix.preSale() + mix.inSale() ? Kind.IN_SALE
        : u < mix.preSale() + mix.inSale() + mix.afterSale() ? Kind.AFTER_SALE_URGENT : Kind.PROMO_URGENT;
    boolean returning = false;
    String buyer = null;
    String language = null;
    if (r.nextDouble() < s.returningBuyers()) {
      List<Object[]> ofShop = pastBuyers.stream().filter(b -> b[0] == shop).toList();
      if (!ofShop.isEmpty()) {
        Object[] b = ofShop.get(r.nextInt(ofShop.size()));
        returning = true;
        buyer = (String) b[1];
        language = (String) b[2];
      }
    }
    if (!returning) {
      language = weighted(r, shop.languages());
      buyer = "buyer-" + index;
      pastBuyers.add(new Object[] {shop, buyer, language});
    }
    String[] texts = TEXTS.getOrDefault(language, TEXTS.get("en")).get(kind);
    Scenario.Handling h = s.handling();
    double[] range = switch (kind) {
      case PRE_SALE -> h.preSale();
      case IN_SALE -> h.inSale();
      case AFTER_SALE_URGENT -> h.afterSale();
      case PROMO_URGENT -> h.promo();
    };
    return new Arrival(index, sec, shop, language, kind, texts[r.nextInt(texts.length)], buyer, returning,
        uniform(r, h.read()), uniform(r, range));
  }

  private static double uniform(Random r, double[] range) {
    return range[0] + r.nextDouble() * (range[1] - range[0]);
  }

  private static int poisson(Random r, double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static String weighted(Random r, Map<String, Double> shares) {
    double u = r.nextDouble();
    String last = null;
    for (Map.Entry<String, Double> e : shares.entrySet()) {
      last = e.getKey();
      u -= e.getValue();
      if (u <= 0) {
        return last;
      }
    }
    return last;
  }
}

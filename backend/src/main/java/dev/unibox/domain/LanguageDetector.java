package dev.unibox.domain;

/** Detects the language of a buyer message: en, zh (Simplified), zh-Hant, th, vi, ms, or "und". */
public interface LanguageDetector {
  String UNDETERMINED = "und";

  String detect(String text);
}

/* test-text.c: language variants and how a reader's languages pick one
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-text.h"

static void
test_fallback_to_original (void)
{
  g_autoptr(UpstanderText) text = upstander_text_new ("en", "Hello");
  const char *german[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };

  upstander_text_add_variant (text, "fr", "Bonjour");

  g_assert_cmpstr (upstander_text_get (text, german), ==, "Hello");
  g_assert_cmpstr (upstander_text_get (text, NULL), ==, "Hello");
}

static void
test_first_language_wins (void)
{
  g_autoptr(UpstanderText) text = upstander_text_new ("en", "Hello");
  const char *spanish_then_french[] = { "es", "fr", NULL };
  const char *french_then_spanish[] = { "fr", "es", NULL };

  upstander_text_add_variant (text, "fr", "Bonjour");
  upstander_text_add_variant (text, "es", "Hola");

  g_assert_cmpstr (upstander_text_get (text, spanish_then_french), ==, "Hola");
  g_assert_cmpstr (upstander_text_get (text, french_then_spanish), ==, "Bonjour");
}

static void
test_posix_locale_names (void)
{
  g_autoptr(UpstanderText) text = upstander_text_new ("en", "Hello");
  const char *canadian[] = { "fr_CA.UTF-8", "fr_CA", "fr.UTF-8", "fr", "C", NULL };
  const char *taiwan[] = { "zh_TW.UTF-8", "zh_TW", "C", NULL };
  const char *china[] = { "zh_CN.UTF-8", "zh_CN", "zh", NULL };

  upstander_text_add_variant (text, "fr", "Bonjour");
  upstander_text_add_variant (text, "zh-CN", "你好");

  g_assert_cmpstr (upstander_text_get (text, canadian), ==, "Bonjour");
  /* A regional variant must not serve another region. */
  g_assert_cmpstr (upstander_text_get (text, taiwan), ==, "Hello");
  g_assert_cmpstr (upstander_text_get (text, china), ==, "你好");
}

static void
test_specific_variant_preferred (void)
{
  g_autoptr(UpstanderText) text = upstander_text_new ("en", "Hello");
  const char *brazil[] = { "pt_BR.UTF-8", NULL };
  const char *portugal[] = { "pt_PT", NULL };

  upstander_text_add_variant (text, "pt", "Olá (pt)");
  upstander_text_add_variant (text, "pt-BR", "Olá (pt-BR)");

  g_assert_cmpstr (upstander_text_get (text, brazil), ==, "Olá (pt-BR)");
  g_assert_cmpstr (upstander_text_get (text, portugal), ==, "Olá (pt)");
}

static void
test_duplicate_variant_refused (void)
{
  g_autoptr(UpstanderText) text = upstander_text_new ("en", "Hello");

  g_assert_true (upstander_text_add_variant (text, "fr", "Bonjour"));
  g_assert_false (upstander_text_add_variant (text, "FR", "Salut"));
  g_assert_false (upstander_text_add_variant (text, "en", "Hi"));
  g_assert_cmpuint (upstander_text_get_n_variants (text), ==, 2);
}

static void
test_copy (void)
{
  g_autoptr(UpstanderText) text = upstander_text_new ("en", "Hello");
  g_autoptr(UpstanderText) copy = NULL;
  const char *arabic[] = { "ar", NULL };

  upstander_text_add_variant (text, "ar", "مرحبا");
  copy = upstander_text_copy (text);

  g_assert_cmpuint (upstander_text_get_n_variants (copy), ==, 2);
  g_assert_cmpstr (upstander_text_get (copy, arabic), ==, "مرحبا");
  g_assert_cmpstr (upstander_text_get_original_language (copy), ==, "en");
}

static void
test_script_has_italics (void)
{
  g_assert_true (upstander_text_script_has_italics ("Ana is typing, then stops."));
  g_assert_true (upstander_text_script_has_italics ("Аня печатает."));
  g_assert_true (upstander_text_script_has_italics ("« Ana écrit… »"));
  g_assert_false (upstander_text_script_has_italics ("آنا تكتب ثم تتوقف."));
  g_assert_false (upstander_text_script_has_italics ("安娜正在输入，然后停了下来。"));
  /* Punctuation and digits first: the first letter decides. */
  g_assert_false (upstander_text_script_has_italics ("«12» — آنا"));
  g_assert_true (upstander_text_script_has_italics ("12: Leo 说"));
  g_assert_false (upstander_text_script_has_italics ("…安娜 Leo"));
  g_assert_true (upstander_text_script_has_italics (""));
  g_assert_true (upstander_text_script_has_italics (NULL));
}

static void
test_isolate_ltr_runs (void)
{
  const struct { const char *in, *out; } cases[] = {
    /* No right-to-left letter: unchanged, whatever it holds. */
    { "See https://example.org/help/ for ages 8–11.", "See https://example.org/help/ for ages 8–11." },
    /* An address keeps its trailing slash, not the full stop after it. */
    { "زوروا https://www.childhelplineinternational.org/.",
      "زوروا \u2066https://www.childhelplineinternational.org/\u2069." },
    { "«https://example.org/a?b=1»", "«https://example.org/a?b=1»" },
    { "الرابط: «https://example.org/a?b=1»", "الرابط: «\u2066https://example.org/a?b=1\u2069»" },
    /* Ranges and phone numbers in one piece; a lone number needs nothing. */
    { "الأعمار 8–11", "الأعمار \u20668–11\u2069" },
    { "اتصل على +44 800 1111 الآن", "اتصل على \u2066+44 800 1111\u2069 الآن" },
    { "لديّ 3 رسائل", "لديّ 3 رسائل" },
    /* Already isolated by whoever wrote it: not isolated twice. */
    { "اتصل على \u2068900 20 20 10\u2069", "اتصل على \u2068900 20 20 10\u2069" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = upstander_text_isolate_ltr_runs (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_fold_for_search (void)
{
  g_autofree char *composed = upstander_text_fold_for_search ("\xc3\x89LAN");      /* "ÉLAN" */
  g_autofree char *decomposed = upstander_text_fold_for_search ("e\xcc\x81lan");  /* "e" + U+0301 */
  g_autofree char *ligature = upstander_text_fold_for_search ("\xef\xac\x81ve"); /* U+FB01 "ve" */
  g_autofree char *german = upstander_text_fold_for_search ("STRASSE Stra\xc3\x9f" "e");
  g_autofree char *invalid = upstander_text_fold_for_search ("AB\xff");
  g_autofree char *ascii = upstander_text_fold_for_search ("The Class CHAT 05, #1!");

  g_assert_cmpstr (composed, ==, "\xc3\xa9lan");
  g_assert_cmpstr (decomposed, ==, composed);
  g_assert_cmpstr (ligature, ==, "five");
  g_assert_cmpstr (german, ==, "strasse strasse");
  g_assert_cmpstr (ascii, ==, "the class chat 05, #1!");
  /* Invalid UTF-8 from a query still folds to something, never NULL. */
  g_assert_nonnull (invalid);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/text/fallback-to-original", test_fallback_to_original);
  g_test_add_func ("/upstander/text/script-has-italics", test_script_has_italics);
  g_test_add_func ("/upstander/text/isolate-ltr-runs", test_isolate_ltr_runs);
  g_test_add_func ("/upstander/text/first-language-wins", test_first_language_wins);
  g_test_add_func ("/upstander/text/posix-locale-names", test_posix_locale_names);
  g_test_add_func ("/upstander/text/specific-variant-preferred", test_specific_variant_preferred);
  g_test_add_func ("/upstander/text/duplicate-variant-refused", test_duplicate_variant_refused);
  g_test_add_func ("/upstander/text/copy", test_copy);
  g_test_add_func ("/upstander/text/fold-for-search", test_fold_for_search);

  return g_test_run ();
}

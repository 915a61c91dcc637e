/* test-language-tag.c: one grammar for language tags, spelled for a bundle or for LANGUAGE
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-language-tag.h"

#include <string.h>

typedef struct
{
  const char *tag;
  const char *bcp47;   /* NULL: refused for xml:lang */
  const char *locale;  /* NULL: refused for LANGUAGE */
} Case;

static const Case cases[] = {
  /* Good tags, in either spelling, come out in the one their destination wants. */
  { "en", "en", "en" },
  { "fr", "fr", "fr" },
  { "ast", "ast", "ast" },
  { "zh-CN", "zh-CN", "zh_CN" },
  { "zh_CN", "zh-CN", "zh_CN" },
  { "pt-br", "pt-BR", "pt_BR" },
  { "PT_br", "pt-BR", "pt_BR" },
  { "EN", "en", "en" },
  { "sr-latn-rs", "sr-Latn-RS", "sr_Latn_RS" },
  { "zh_hant_TW", "zh-Hant-TW", "zh_Hant_TW" },
  { "es-419", "es-419", "es_419" },
  { "de-CH-1901", "de-CH-1901", "de_CH_1901" },
  /* After a singleton, subtags are private: no region or script casing. */
  { "en-x-ab", "en-x-ab", "en_x_ab" },
  /* The longest tag there may be: 35 characters. */
  { "en-abcdefgh-abcdefgh-abcdefgh-abcde", "en-abcdefgh-abcdefgh-abcdefgh-abcde",
    "en_abcdefgh_abcdefgh_abcdefgh_abcde" },
  /* A modifier is a locale name's, never xml:lang's. */
  { "sr@latin", NULL, "sr@latin" },
  { "sr_RS@Latin", NULL, "sr_RS@latin" },
  { "ca-ES@valencia", NULL, "ca_ES@valencia" },
  /* Bad tags. */
  { "", NULL, NULL },
  { "e", NULL, NULL },
  { "english", NULL, NULL },
  { "12", NULL, NULL },
  { "e1", NULL, NULL },
  { "en1", NULL, NULL },
  { "en-", NULL, NULL },
  { "-en", NULL, NULL },
  { "en--US", NULL, NULL },
  { "en_-US", NULL, NULL },
  { "en US", NULL, NULL },
  { "en-abcdefghi", NULL, NULL },
  { "en-abcdefgh-abcdefgh-abcdefgh-abcdef", NULL, NULL },
  { "C", NULL, NULL },
  { "POSIX", NULL, NULL },
  { "fr_FR.UTF-8", NULL, NULL },
  { "en@", NULL, NULL },
  { "sr@latin@x", NULL, NULL },
  { "sr@lat-in", NULL, NULL },
  { "sr@abcdefghijklmnopq", NULL, NULL },
  { "@latin", NULL, NULL },
  { "fr;en", NULL, NULL },
  { "fr:en", NULL, NULL },
  /* Hostile: paths, controls, bytes outside ASCII, markup. */
  { "../en", NULL, NULL },
  { "en/../../etc/passwd", NULL, NULL },
  { "en/", NULL, NULL },
  { "/en", NULL, NULL },
  { "en\n", NULL, NULL },
  { "en\tUS", NULL, NULL },
  { "en\x01", NULL, NULL },
  { "en\x7f", NULL, NULL },
  { "en-\xc3\xa9t\xc3\xa9", NULL, NULL },
  { "\xc3\xa9n", NULL, NULL },
  { "en-US\xff", NULL, NULL },
  { "en\u202e", NULL, NULL },
  { "<b>en</b>", NULL, NULL },
  { "%s%n", NULL, NULL },
};

static void
assert_spelling (const char                *tag,
                 UpstanderLanguageTagStyle  style,
                 const char                *expected)
{
  g_autofree char *normal = upstander_language_tag_normalize (tag, style);
  g_autofree char *shown = g_strescape (tag, NULL);

  if (g_strcmp0 (normal, expected) != 0)
    g_error ("“%s” as %s: expected %s, got %s", shown,
             style == UPSTANDER_LANGUAGE_TAG_BCP47 ? "xml:lang" : "LANGUAGE",
             expected != NULL ? expected : "a refusal", normal != NULL ? normal : "a refusal");
}

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = g_strescape (cases[i].tag, NULL);

      g_test_message ("%s", shown);
      assert_spelling (cases[i].tag, UPSTANDER_LANGUAGE_TAG_BCP47, cases[i].bcp47);
      assert_spelling (cases[i].tag, UPSTANDER_LANGUAGE_TAG_LOCALE, cases[i].locale);
      g_assert_cmpint (upstander_language_tag_is_valid (cases[i].tag), ==, cases[i].bcp47 != NULL);
    }

  g_assert_null (upstander_language_tag_normalize (NULL, UPSTANDER_LANGUAGE_TAG_BCP47));
  g_assert_null (upstander_language_tag_normalize (NULL, UPSTANDER_LANGUAGE_TAG_LOCALE));
  g_assert_false (upstander_language_tag_is_valid (NULL));
}

/* A spelled tag reads back as itself, in either style: normalising twice changes nothing. */
static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].bcp47 != NULL)
        {
          assert_spelling (cases[i].bcp47, UPSTANDER_LANGUAGE_TAG_BCP47, cases[i].bcp47);
          assert_spelling (cases[i].bcp47, UPSTANDER_LANGUAGE_TAG_LOCALE, cases[i].locale);
        }
      if (cases[i].locale != NULL)
        {
          assert_spelling (cases[i].locale, UPSTANDER_LANGUAGE_TAG_LOCALE, cases[i].locale);
          assert_spelling (cases[i].locale, UPSTANDER_LANGUAGE_TAG_BCP47, cases[i].bcp47);
        }
    }
}

/* A megabyte of letters, of subtags or of modifier is refused, not read into a tag. */
static void
test_very_long (void)
{
  const gsize size = 1 << 20;
  g_autofree char *letters = g_malloc (size + 1);
  g_autofree char *subtags = g_malloc (size + 1);
  g_autofree char *modifier = g_malloc (size + 1);
  g_autofree char *late_modifier = NULL;

  memset (letters, 'a', size);
  letters[size] = '\0';
  for (gsize i = 0; i < size; i++)
    subtags[i] = i % 3 == 2 ? '-' : 'b';
  subtags[size] = '\0';
  memset (modifier, 'c', size);
  memcpy (modifier, "sr@", 3);
  modifier[size] = '\0';
  late_modifier = g_strconcat (subtags, "@latin", NULL);

  g_assert_null (upstander_language_tag_normalize (letters, UPSTANDER_LANGUAGE_TAG_BCP47));
  g_assert_null (upstander_language_tag_normalize (letters, UPSTANDER_LANGUAGE_TAG_LOCALE));
  g_assert_null (upstander_language_tag_normalize (subtags, UPSTANDER_LANGUAGE_TAG_BCP47));
  g_assert_null (upstander_language_tag_normalize (subtags, UPSTANDER_LANGUAGE_TAG_LOCALE));
  g_assert_null (upstander_language_tag_normalize (modifier, UPSTANDER_LANGUAGE_TAG_LOCALE));
  g_assert_null (upstander_language_tag_normalize (late_modifier, UPSTANDER_LANGUAGE_TAG_LOCALE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/language-tag/table", test_table);
  g_test_add_func ("/upstander/language-tag/round-trip", test_round_trip);
  g_test_add_func ("/upstander/language-tag/very-long", test_very_long);

  return g_test_run ();
}

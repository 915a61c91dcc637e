/* test-help.c: the built-in help contacts, the regions, the help page and the printed help
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "upstander-handout.h"
#include "upstander-help-page.h"
#include "upstander-help-sheet.h"
#include "upstander-language.h"
#include "upstander-region-chooser.h"
#include "upstander-region.h"
#include "upstander-window.h"

#include "ui-test.h"

#define HELP_RESOURCE UPSTANDER_BUNDLES_RESOURCE "/help.xml"

static const char * const all_languages[] = { "en", "ar", "es", "fr", "ru", "zh_CN" };

/*
 * Every country with a confirmed row in ../shared/HELPLINES.md, and for each,
 * numbers or addresses of its own services that must reach the reader.
 */
static const struct
{
  const char *region;
  const char *targets[5];
} confirmed[] = {
  { "ES", { "900 20 20 10", "017", NULL } },
  { "AR", { "102", NULL } },
  { "CO", { "141", "https://teprotejocolombia.org/", NULL } },
  { "CA", { "1-800-668-6868", "686868", "9-8-8", "1-866-658-9022", "https://needhelpnow.ca/" } },
  { "IE", { "https://hotline.ie/report", NULL } },
  { "NZ", { "0800 37 66 33", "234", "0508 638 723", NULL } },
  { "IN", { "1098", "1930", "https://cybercrime.gov.in/", NULL } },
  { "ZA", { "116", "https://fpbhotline.org.za/", NULL } },
  { "NG", { "0800 800 8001", NULL } },
  { "KE", { "116", NULL } },
  { "FR", { "119", "3018", "https://internet-signalement.gouv.fr/", "https://pointdecontact.net/", NULL } },
  { "BE", { "103", "https://stopchildporno.be/", NULL } },
  { "CH", { "147", "https://clickandstop.ch/", NULL } },
  { "MA", { "2511", "0800 00 2511", NULL } },
  { "AE", { "116111", NULL } },
  { "JO", { "110", NULL } },
  { "CN", { "12355", NULL } },
  { "HK", { "(852) 2343 2255", NULL } },
  { "TW", { "113", NULL } },
  { "SG", { "1800 2744 788", NULL } },
  { "RU", { "8-800-2000-122", NULL } },
  { "BY", { "8-801-100-16-11", NULL } },
  { "GB", { "0800 1111", NULL } },
  { "AU", { "1800 55 1800", "https://www.esafety.gov.au/key-topics/cyberbullying/report-cyberbullying", NULL } },
};

/* Services for every region, on every help page and handout. */
static const char * const everywhere[] = {
  "https://childhelplineinternational.org/about/members/",
  "https://takeitdown.ncmec.org/",
};

static UpstanderBundle *help_bundle;

/* As Preferences does it: LANGUAGE, and gettext told that it changed. */
static void
set_language (const char *language)
{
  upstander_language_apply (language);
}

static UpstanderLibrary *
builtin_library (void)
{
  UpstanderLibrary *library = upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, NULL);

  upstander_library_load (library);
  g_assert_cmpuint (upstander_library_get_n_failed (library), ==, 0);

  return library;
}

static void
test_loads_clean (void)
{
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;

  help_bundle = upstander_bundle_load_resource (HELP_RESOURCE, diagnostics, &error);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = upstander_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_test_message ("%s", line);
    }
  g_assert_no_error (error);
  g_assert_nonnull (help_bundle);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (upstander_bundle_get_id (help_bundle), ==, "help");
}

/* A bundle with one <help> around @contact, on its line 5. */
static UpstanderBundle *
load_contact (const char *contact,
              GPtrArray  *diagnostics)
{
  g_autofree char *xml = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"t\" version=\"1\" xml:lang=\"en\">\n"
    "  <info><name>T</name><description>T.</description><author>A</author><license>CC0-1.0</license></info>\n"
    "  <help region=\"CA\">\n"
    "    %s\n"
    "  </help>\n"
    "</bundle>\n", contact);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return upstander_bundle_load_bytes (bytes, "contact.xml", diagnostics, NULL);
}

/* Every way to reach a contact, in the bundle's order, with its keyword, "free" and the date. */
static void
test_contact_ways_load (void)
{
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(UpstanderBundle) bundle = load_contact (
    "<contact kind=\"images\" free=\"yes\"><local-name>Jeunesse, J'écoute</local-name><name>Kids</name>"
    "<phone>1-800-668-6868</phone><phone>(852) 2343 2255</phone><sms keyword=\"CONNECT\">686868</sms>"
    "<chat>https://example.org/chat</chat><form>https://example.org/report</form><url>https://example.org/</url>"
    "<source>https://example.org/source</source><checked>2026-12-04</checked></contact>", diagnostics);
  const UpstanderContact *contact;
  const UpstanderContactWay *way;
  const UpstanderWayKind kinds[] = { UPSTANDER_WAY_CALL, UPSTANDER_WAY_CALL, UPSTANDER_WAY_TEXT,
                                     UPSTANDER_WAY_CHAT, UPSTANDER_WAY_FORM, UPSTANDER_WAY_WEB };

  g_assert_nonnull (bundle);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  contact = g_ptr_array_index (((UpstanderHelp *) g_ptr_array_index (upstander_bundle_get_help (bundle), 0))->contacts, 0);
  g_assert_cmpint (contact->kind, ==, UPSTANDER_CONTACT_IMAGES);
  g_assert_true (contact->free);
  g_assert_cmpstr (contact->local_name, ==, "Jeunesse, J'écoute");
  g_assert_cmpstr (contact->checked, ==, "2026-12-04");
  g_assert_cmpstr (contact->phone, ==, "1-800-668-6868");
  g_assert_cmpstr (contact->url, ==, "https://example.org/");
  g_assert_cmpuint (contact->ways->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpint (((UpstanderContactWay *) g_ptr_array_index (contact->ways, i))->kind, ==, kinds[i]);
  way = g_ptr_array_index (contact->ways, 2);
  g_assert_cmpstr (way->value, ==, "686868");
  g_assert_cmpstr (way->keyword, ==, "CONNECT");
}

/* Bad values in the new elements: FILE:LINE: what is wrong, and nothing loaded. */
static void
test_contact_values_refused (void)
{
  const struct { const char *contact, *message; } cases[] = {
    { "<contact kind=\"helpline\"><name>N</name><sms keyword=\"&lt;b&gt;\">686868</sms><source>https://e.org/</source></contact>",
      "keyword=“<b>” on <sms> is not a word of letters and digits" },
    { "<contact kind=\"helpline\"><name>N</name><phone>call 116</phone><source>https://e.org/</source></contact>",
      "<phone> “call 116” is not a phone number" },
    { "<contact kind=\"helpline\"><name>N</name><chat>http://e.org/</chat><source>https://e.org/</source></contact>",
      "<chat> “http://e.org/” is not an https:// address" },
    { "<contact kind=\"helpline\"><name>N</name><phone>116</phone><source>https://e.org/</source><checked>2026-02-30</checked></contact>",
      "is not a date such as 2026-12-04" },
    { "<contact kind=\"pictures\"><name>N</name><phone>116</phone><source>https://e.org/</source></contact>",
      "kind" },
    { "<contact kind=\"helpline\" free=\"maybe\"><name>N</name><phone>116</phone><source>https://e.org/</source></contact>",
      "free" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
      g_autoptr(UpstanderBundle) bundle = load_contact (cases[i].contact, diagnostics);
      gboolean found = FALSE;

      g_assert_null (bundle);
      for (guint d = 0; d < diagnostics->len; d++)
        {
          const UpstanderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, d);
          g_autofree char *line = upstander_diagnostic_format (diagnostic);

          g_test_message ("%s", line);
          found |= diagnostic->line == 5 && g_str_has_prefix (line, "contact.xml:5:") &&
                   strstr (diagnostic->message, cases[i].message) != NULL;
        }
      if (!found)
        g_error ("no “contact.xml:5: …%s…” for %s", cases[i].message, cases[i].contact);
    }
}

/* Calls @func on every contact of the built-in help. */
static void
foreach_contact (void (*func) (const UpstanderHelp *, const UpstanderContact *, gpointer),
                 gpointer user_data)
{
  GPtrArray *help = upstander_bundle_get_help (help_bundle);

  g_assert_cmpuint (help->len, >, 0);
  for (guint h = 0; h < help->len; h++)
    {
      const UpstanderHelp *entry = g_ptr_array_index (help, h);

      for (guint c = 0; c < entry->contacts->len; c++)
        func (entry, g_ptr_array_index (entry->contacts, c), user_data);
    }
}

static void
check_source_and_date (const UpstanderHelp    *entry,
                       const UpstanderContact *contact,
                       gpointer                user_data)
{
  guint *n_contacts = user_data;
  g_autoptr(GDateTime) checked = NULL;
  g_autofree char *iso = NULL;

  (*n_contacts)++;
  g_assert_nonnull (contact->source);
  g_assert_true (g_str_has_prefix (contact->source, "https://"));
  g_assert_nonnull (contact->checked);
  iso = g_strconcat (contact->checked, "T00:00:00Z", NULL);
  checked = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_nonnull (checked);
  /* Checked while the list was made, not in some imagined future. */
  g_assert_cmpint (g_date_time_get_year (checked), >=, 2026);
  /* Something a child can act on: a number or an address. */
  g_assert_cmpuint (contact->ways->len, >, 0);
}

static void
test_every_contact_has_source_and_date (void)
{
  guint n_contacts = 0;

  foreach_contact (check_source_and_date, &n_contacts);
  /* 34 new services, the 3 already there, and the cross-border ones. */
  g_assert_cmpuint (n_contacts, >=, 40);
}

static void
test_every_region_is_iso (void)
{
  GPtrArray *help = upstander_bundle_get_help (help_bundle);
  gboolean has_all = FALSE;

  for (guint h = 0; h < help->len; h++)
    {
      const UpstanderHelp *entry = g_ptr_array_index (help, h);

      for (guint r = 0; entry->regions[r] != NULL; r++)
        {
          if (g_str_equal (entry->regions[r], "all"))
            has_all = TRUE;
          else if (!upstander_region_is_known (entry->regions[r]))
            g_error ("help.xml:%u: “%s” is not an ISO 3166-1 code", entry->line, entry->regions[r]);
        }
    }

  g_assert_true (has_all);
  /* And the check can fail: these are not codes. */
  g_assert_false (upstander_region_is_known ("UK"));
  g_assert_false (upstander_region_is_known ("ZZ"));
  g_assert_false (upstander_region_is_known ("gb"));
  g_assert_true (upstander_region_is_known ("GB"));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/*
 * The numbers in @text, each once, sorted and joined by spaces: "call 17 or
 * 112" gives "112 17". Each once, because "24 h sur 24" says "24 hours" too.
 */
static char *
digit_runs (const char *text)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  GString *run = NULL;

  for (const char *p = text; ; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (run == NULL)
            run = g_string_new (NULL);
          g_string_append_c (run, *p);
        }
      else if (run != NULL)
        {
          char *number = g_string_free (g_steal_pointer (&run), FALSE);

          if (g_ptr_array_find_with_equal_func (runs, number, g_str_equal, NULL))
            g_free (number);
          else
            g_ptr_array_add (runs, number);
        }
      if (*p == '\0')
        break;
    }

  g_ptr_array_sort (runs, compare_strings);
  g_ptr_array_add (runs, NULL);

  return g_strjoinv (" ", (char **) runs->pdata);
}

static void
check_numbers_kept (const UpstanderText *text)
{
  g_autofree char *original = NULL;

  if (text == NULL)
    return;

  original = digit_runs (upstander_text_get_original (text));
  for (guint i = 0; i < upstander_text_get_n_variants (text); i++)
    {
      const char *lang = NULL;
      const char *variant = upstander_text_get_variant (text, i, &lang);
      g_autofree char *runs = digit_runs (variant);

      if (g_strcmp0 (runs, original) != 0)
        g_error ("%s changes the numbers of “%s”: “%s”", lang, upstander_text_get_original (text), variant);
    }
}

static void
check_contact_numbers (const UpstanderHelp    *entry,
                       const UpstanderContact *contact,
                       gpointer                user_data)
{
  check_numbers_kept (contact->name);
  check_numbers_kept (contact->description);
  check_numbers_kept (contact->hours);
}

/* A translation may reword a service, never change its number, hours or age. */
static void
test_numbers_kept_in_translation (void)
{
  g_autofree char *runs = digit_runs ("call 17 or 112, 08:00–23:00, 24 h sur 24");
  g_autofree char *changed = digit_runs ("call 17 or 911");

  g_assert_cmpstr (runs, ==, "00 08 112 17 23 24");
  g_assert_cmpstr (changed, !=, runs);
  foreach_contact (check_contact_numbers, NULL);
}

static void
check_translated (const UpstanderContact *contact,
                  const UpstanderText    *text,
                  const char             *lang)
{
  if (text != NULL && upstander_text_lookup (text, lang) == NULL)
    g_error ("no %s for “%s” (%s)", lang, upstander_text_get_original (text),
             upstander_text_get_original (contact->name));
}

static void
check_contact_translated (const UpstanderHelp    *entry,
                          const UpstanderContact *contact,
                          gpointer                user_data)
{
  check_translated (contact, contact->name, user_data);
  check_translated (contact, contact->description, user_data);
  check_translated (contact, contact->hours, user_data);
}

static void
test_translated (gconstpointer data)
{
  foreach_contact (check_contact_translated, (gpointer) data);
}

static const UpstanderHelpCard *
find_card_with_target (const UpstanderHelpSheet *sheet,
                       const char               *target)
{
  for (guint s = 0; s < sheet->sections->len; s++)
    {
      const UpstanderHelpSection *section = g_ptr_array_index (sheet->sections, s);

      for (guint c = 0; c < section->cards->len; c++)
        {
          const UpstanderHelpCard *card = g_ptr_array_index (section->cards, c);

          for (guint i = 0; i < card->lines->len; i++)
            if (g_strcmp0 (((UpstanderHelpLine *) g_ptr_array_index (card->lines, i))->target, target) == 0)
              return card;
        }
    }

  return NULL;
}

/* Every confirmed country, in every language: its own services, no fallback notice. */
static void
test_sheet_for_every_confirmed_country (void)
{
  g_autoptr(UpstanderLibrary) library = builtin_library ();

  for (guint l = 0; l < G_N_ELEMENTS (all_languages); l++)
    {
      set_language (all_languages[l]);
      for (guint r = 0; r < G_N_ELEMENTS (confirmed); r++)
        {
          g_autoptr(UpstanderHelpSheet) sheet = upstander_help_sheet_new (library, confirmed[r].region);

          if (!sheet->national || sheet->notice != NULL)
            g_error ("%s in %s: no help of its own", confirmed[r].region, all_languages[l]);
          for (guint t = 0; t < G_N_ELEMENTS (confirmed[r].targets) && confirmed[r].targets[t] != NULL; t++)
            if (find_card_with_target (sheet, confirmed[r].targets[t]) == NULL)
              g_error ("%s in %s: nothing reaches %s", confirmed[r].region, all_languages[l], confirmed[r].targets[t]);
          for (guint e = 0; e < G_N_ELEMENTS (everywhere); e++)
            g_assert_nonnull (find_card_with_target (sheet, everywhere[e]));
        }
    }
  set_language ("en");
}

/* No region, or one with nothing confirmed: one sentence, the directory first, the help for everywhere. */
static void
test_sheet_fallback (void)
{
  g_autoptr(UpstanderLibrary) library = builtin_library ();
  const char *regions[] = { NULL, "BR", "US", "DE" };

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autoptr(UpstanderHelpSheet) sheet = upstander_help_sheet_new (library, regions[i]);
      const UpstanderHelpSection *first;

      g_assert_false (sheet->national);
      g_assert_nonnull (sheet->notice);
      /* One sentence: a single full stop, at the end; no promise about "every country". */
      g_assert_true (strchr (sheet->notice, '.') == sheet->notice + strlen (sheet->notice) - 1);
      g_assert_null (strstr (sheet->notice, "every country"));
      g_assert_cmpuint (sheet->general_advice->len, >, 0);
      g_assert_true (g_str_has_prefix (g_ptr_array_index (sheet->general_advice, 0), "If someone is in danger right now"));

      first = g_ptr_array_index (sheet->sections, 0);
      g_assert_cmpint (first->kind, ==, UPSTANDER_CONTACT_DIRECTORY);
      for (guint e = 0; e < G_N_ELEMENTS (everywhere); e++)
        g_assert_nonnull (find_card_with_target (sheet, everywhere[e]));
    }

  /* Germany has no service of its own yet, but the EU's 116 111 works there. */
  {
    g_autoptr(UpstanderHelpSheet) germany = upstander_help_sheet_new (library, "DE");
    g_autoptr(UpstanderHelpSheet) brazil = upstander_help_sheet_new (library, "BR");

    g_assert_nonnull (find_card_with_target (germany, "116 111"));
    g_assert_null (find_card_with_target (brazil, "116 111"));
    g_assert_cmpstr (brazil->region_line, ==, "Help for \u2068Brazil\u2069");
  }
}

/* Free and hours only where the bundle states them. */
static void
test_sheet_only_stated_details (void)
{
  g_autoptr(UpstanderLibrary) library = builtin_library ();
  g_autoptr(UpstanderHelpSheet) jordan = upstander_help_sheet_new (library, "JO");
  g_autoptr(UpstanderHelpSheet) canada = upstander_help_sheet_new (library, "CA");
  const UpstanderHelpCard *line_110 = find_card_with_target (jordan, "110");
  const UpstanderHelpCard *kids = find_card_with_target (canada, "1-800-668-6868");
  gboolean has_free = FALSE, has_text = FALSE;

  /* Jordan: the source gives the number only. */
  g_assert_nonnull (line_110);
  for (guint i = 0; i < line_110->lines->len; i++)
    g_assert_cmpint (((UpstanderHelpLine *) g_ptr_array_index (line_110->lines, i))->kind, !=, UPSTANDER_HELP_LINE_DETAIL);

  g_assert_nonnull (kids);
  for (guint i = 0; i < kids->lines->len; i++)
    {
      const UpstanderHelpLine *line = g_ptr_array_index (kids->lines, i);

      has_free |= g_strcmp0 (line->text, "Free") == 0;
      has_text |= g_strcmp0 (line->text, "Text \u2068CONNECT\u2069 to \u2068686868\u2069") == 0;
    }
  g_assert_true (has_free);
  g_assert_true (has_text);
}

/* The texts of the English sheet that a translation must change: all but names. */
static GHashTable *
english_texts (UpstanderLibrary *library,
               const char       *region)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(UpstanderHelpSheet) sheet = NULL;

  set_language ("en");
  sheet = upstander_help_sheet_new (library, region);
  g_hash_table_add (texts, g_strdup (sheet->region_line));
  if (sheet->notice != NULL)
    g_hash_table_add (texts, g_strdup (sheet->notice));
  for (guint a = 0; a < sheet->advice->len; a++)
    g_hash_table_add (texts, g_strdup (g_ptr_array_index (sheet->advice, a)));
  for (guint a = 0; a < sheet->general_advice->len; a++)
    g_hash_table_add (texts, g_strdup (g_ptr_array_index (sheet->general_advice, a)));
  for (guint s = 0; s < sheet->sections->len; s++)
    {
      const UpstanderHelpSection *section = g_ptr_array_index (sheet->sections, s);

      g_hash_table_add (texts, g_strdup (section->heading));
      for (guint c = 0; c < section->cards->len; c++)
        {
          const UpstanderHelpCard *card = g_ptr_array_index (section->cards, c);

          for (guint i = 0; i < card->lines->len; i++)
            {
              const UpstanderHelpLine *line = g_ptr_array_index (card->lines, i);

              if (line->kind != UPSTANDER_HELP_LINE_NAME)
                g_hash_table_add (texts, g_strdup (line->text));
            }
        }
    }

  return texts;
}

static UpstanderHelpPage *
new_help_page (UpstanderLibrary  *library,
               UpstanderSettings *settings,
               GtkWindow        **window)
{
  UpstanderHelpPage *page = g_object_new (UPSTANDER_TYPE_HELP_PAGE, NULL);

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 700, 900);
  gtk_window_set_child (*window, GTK_WIDGET (page));
  upstander_help_page_set_sources (page, library, settings);
  gtk_window_present (*window);
  ui_test_spin (20);

  return page;
}

/*
 * The help page for a sample of regions in each language: the region by
 * name, its services, and no English left where a translation belongs.
 */
static void
test_page_in_every_language (void)
{
  g_autoptr(UpstanderLibrary) library = builtin_library ();
  g_autoptr(UpstanderSettings) settings = upstander_settings_new ();
  const char *sample[] = { "ES", "FR", "CN", "RU", "AE", "CA", "BR" };

  for (guint r = 0; r < G_N_ELEMENTS (sample); r++)
    {
      g_autoptr(GHashTable) english = english_texts (library, sample[r]);
      g_autofree char *expected_number = NULL;

      for (guint c = 0; c < G_N_ELEMENTS (confirmed); c++)
        if (g_str_equal (confirmed[c].region, sample[r]))
          expected_number = upstander_language_isolate (confirmed[c].targets[0]);

      for (guint l = 0; l < G_N_ELEMENTS (all_languages); l++)
        {
          GtkWindow *window;
          UpstanderHelpPage *page;
          g_autoptr(GPtrArray) labels = NULL;
          gboolean found_number = expected_number == NULL;
          g_autofree char *heading = NULL;
          g_autofree char *name = NULL;

          set_language (all_languages[l]);
          upstander_settings_set_region (settings, sample[r]);
          page = new_help_page (library, settings, &window);
          name = upstander_language_isolate (upstander_region_get_name (sample[r]));

          labels = ui_test_find_all (GTK_WIDGET (page), GTK_TYPE_LABEL, NULL);
          for (guint i = 0; i < labels->len; i++)
            {
              const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

              if (expected_number != NULL && strstr (text, expected_number) != NULL)
                found_number = TRUE;
              if (heading == NULL && strstr (text, name) != NULL)
                heading = g_strdup (text);
              if (!g_str_equal (all_languages[l], "en") && g_hash_table_contains (english, text))
                g_error ("%s, %s: “%s” is not translated", sample[r], all_languages[l], text);
            }
          if (!found_number)
            g_error ("%s, %s: %s is not on the page", sample[r], all_languages[l], expected_number);
          /* The region by its name in the reader's language, never its code. */
          if (heading == NULL)
            g_error ("%s, %s: the page does not name “%s”", sample[r], all_languages[l], name);
          g_assert_null (ui_test_find_label (GTK_WIDGET (page), sample[r]));

          gtk_window_destroy (window);
          ui_test_spin (10);
        }
    }

  set_language ("en");
}

/* On a 360 px phone screen the help page fits, in every language, for the longest names. */
static void
test_page_fits_narrow_screen (void)
{
  g_autoptr(UpstanderLibrary) library = builtin_library ();
  g_autoptr(UpstanderSettings) settings = upstander_settings_new ();
  const char *regions[] = { "JO", "CH", "FR", "CA", NULL };

  for (guint l = 0; l < G_N_ELEMENTS (all_languages); l++)
    for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
      {
        GtkWindow *window;
        UpstanderHelpPage *page;
        int minimum = 0;

        set_language (all_languages[l]);
        upstander_settings_set_region (settings, regions[r] != NULL ? regions[r] : "");
        page = new_help_page (library, settings, &window);
        gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
        g_test_message ("%s %s: %d px", all_languages[l], regions[r] != NULL ? regions[r] : "no region", minimum);
        if (minimum > 360)
          g_error ("%s, %s: the help page needs %d px, more than a 360 px screen", all_languages[l],
                   regions[r] != NULL ? regions[r] : "no region", minimum);
        gtk_window_destroy (window);
        ui_test_spin (10);
      }

  set_language ("en");
}

/*
 * The header bar, which every page shares, keeps a labelled Get help, and
 * the window on the help page still fits a 360 px screen with minimise,
 * maximise and close buttons, in every language.
 */
static void
test_header_fits_narrow_screen (void)
{
  g_autoptr(UpstanderLibrary) library = builtin_library ();
  UpstanderApplication *app = ui_test_new_app (library);

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":minimize,maximize,close", NULL);
  for (guint l = 0; l < G_N_ELEMENTS (all_languages); l++)
    {
      UpstanderWindow *window;
      GtkWidget *header;
      g_autoptr(GPtrArray) buttons = NULL;
      int minimum = 0;
      gboolean labelled = FALSE;

      set_language (all_languages[l]);
      window = upstander_window_new (app);
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 740);
      gtk_window_present (GTK_WINDOW (window));
      ui_test_spin (50);
      /* The help page: the header also has its Back button there. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help", NULL);
      ui_test_spin (50);

      header = ui_test_find_one (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_test_message ("%s: the window on the help page needs %d px", all_languages[l], minimum);
      if (minimum > 360)
        g_error ("%s: the window on the help page needs %d px, more than a 360 px screen", all_languages[l], minimum);
      /* At that width, Get help still shows words, not only an icon. */
      buttons = ui_test_find_all (header, GTK_TYPE_BUTTON, "get-help");
      for (guint i = 0; i < buttons->len; i++)
        {
          GtkWidget *button = g_ptr_array_index (buttons, i);

          if (gtk_widget_get_mapped (button))
            labelled |= gtk_button_get_label (GTK_BUTTON (button)) != NULL ||
                        ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button)));
        }
      g_assert_true (labelled);

      gtk_window_destroy (GTK_WINDOW (window));
      ui_test_spin (10);
    }

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", NULL, NULL);
  set_language ("en");
  ui_test_close_app (app);
}

/* The region list shows every country by name, in the reader's language, and sets the region. */
static void
test_region_list_shows_names (void)
{
  g_autoptr(UpstanderSettings) settings = upstander_settings_new ();

  for (guint l = 0; l < G_N_ELEMENTS (all_languages); l++)
    {
      GtkWidget *chooser;
      GListModel *model;
      guint n_items;
      guint spain = 0;

      set_language (all_languages[l]);
      upstander_settings_set_region (settings, "");
      chooser = g_object_ref_sink (upstander_region_chooser_new (settings));
      model = gtk_drop_down_get_model (GTK_DROP_DOWN (chooser));
      n_items = g_list_model_get_n_items (model);

      g_assert_true (gtk_drop_down_get_enable_search (GTK_DROP_DOWN (chooser)));
      g_assert_cmpuint (n_items, ==, 250);  /* "not chosen" and every ISO 3166-1 region */
      g_assert_cmpstr (upstander_region_chooser_get_code (chooser, 0), ==, "");
      for (guint i = 1; i < n_items; i++)
        {
          g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
          const char *shown = gtk_string_object_get_string (item);
          const char *code = upstander_region_chooser_get_code (chooser, i);

          g_assert_true (upstander_region_is_known (code));
          g_assert_cmpstr (shown, ==, upstander_region_get_name (code));
          g_assert_cmpstr (shown, !=, code);
          /* Not a code of any kind: "中国" is a name, "CN" is not. */
          g_assert_false (strlen (shown) == 2 && g_ascii_isupper (shown[0]) && g_ascii_isupper (shown[1]));
          if (g_str_equal (code, "ES"))
            spain = i;
        }

      /* Translated by iso-codes: the names are in the reader's script. */
      if (g_str_equal (all_languages[l], "ar"))
        g_assert_cmpstr (upstander_region_get_name ("MA"), ==, "المغرب");
      else if (g_str_equal (all_languages[l], "zh_CN"))
        g_assert_cmpstr (upstander_region_get_name ("TW"), ==, "台湾");
      else if (g_str_equal (all_languages[l], "ru"))
        g_assert_cmpstr (upstander_region_get_name ("BY"), ==, "Беларусь");
      else if (g_str_equal (all_languages[l], "es"))
        g_assert_cmpstr (upstander_region_get_name ("ES"), ==, "España");
      else if (g_str_equal (all_languages[l], "en"))
        g_assert_cmpstr (upstander_region_get_name ("TW"), ==, "Taiwan");

      g_assert_cmpuint (spain, >, 0);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (chooser), spain);
      g_assert_cmpstr (upstander_settings_get_region (settings), ==, "ES");
      upstander_settings_set_region (settings, "FR");
      g_assert_cmpstr (upstander_region_chooser_get_code (chooser, gtk_drop_down_get_selected (GTK_DROP_DOWN (chooser))),
                       ==, "FR");
      g_object_unref (chooser);
    }

  set_language ("en");
}

/* One helper reads the region from the locale: LC_ADDRESS, then LC_MESSAGES, then LANG. */
static void
test_region_from_locale (void)
{
  const char *saved[] = { "LC_ALL", "LC_ADDRESS", "LC_MESSAGES", "LANG" };
  /* (g_autofree on an array frees only its first element: freed by hand below.) */
  char *values[G_N_ELEMENTS (saved)] = { NULL };
  const struct { const char *all, *address, *messages, *lang, *expected; } cases[] = {
    { NULL, "es_AR.UTF-8", "en_GB.UTF-8", "fr_FR.UTF-8", "AR" },
    { NULL, "C.UTF-8", "ru_BY.UTF-8", "fr_FR.UTF-8", "BY" },
    { NULL, NULL, NULL, "zh_TW.UTF-8@hans", "TW" },
    { NULL, NULL, "ar", "C.UTF-8", NULL },
    { "fr_MA.UTF-8", "es_ES.UTF-8", NULL, NULL, "MA" },
    { "C.UTF-8", "es_ES.UTF-8", NULL, NULL, NULL },
    { NULL, "en_UK.UTF-8", NULL, "en_XX", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    values[i] = g_strdup (g_getenv (saved[i]));

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *set[] = { cases[c].all, cases[c].address, cases[c].messages, cases[c].lang };
      g_autofree char *region = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
        {
          if (set[i] != NULL)
            g_setenv (saved[i], set[i], TRUE);
          else
            g_unsetenv (saved[i]);
        }
      region = upstander_region_from_locale ();
      g_assert_cmpstr (region, ==, cases[c].expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    {
      if (values[i] != NULL)
        g_setenv (saved[i], values[i], TRUE);
      else
        g_unsetenv (saved[i]);
      g_clear_pointer (&values[i], g_free);
    }

  {
    g_autofree char *gb = upstander_region_parse ("gb");
    g_autofree char *spaced = upstander_region_parse ("G B");
    g_autofree char *uk = upstander_region_parse ("uk");

    g_assert_cmpstr (gb, ==, "GB");
    g_assert_null (spaced);
    g_assert_null (uk);
  }
}

static char *
write_bundle (const char *dir,
              const char *name,
              const char *xml)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, xml, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/*
 * An installed bundle adds help for its country, shown with who added it;
 * it cannot remove or replace a built-in contact: one that takes the help
 * bundle's own id, with a higher version, is refused.
 */
static void
test_installed_help_extends_only (void)
{
  g_autofree char *root = g_dir_make_tmp ("upstander-help-XXXXXX", NULL);
  g_autofree char *system_dir = g_build_filename (root, "system", NULL);
  g_autofree char *user_dir = g_build_filename (root, "user", NULL);
  const char *dirs[] = { system_dir, user_dir, NULL };
  g_autofree char *system_file = write_bundle (system_dir, "school.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"district-help\" version=\"1\" xml:lang=\"en\">\n"
    "  <info><name>District help</name><description>Local help.</description>\n"
    "    <author>Northfield School District</author><license>CC-BY-SA-4.0</license></info>\n"
    "  <help region=\"GB\">\n"
    "    <contact kind=\"helpline\"><name>District wellbeing line</name>\n"
    "      <phone>01234 567890</phone><source>https://example.org/wellbeing</source>\n"
    "      <checked>2026-11-30</checked></contact>\n"
    "  </help>\n"
    "</bundle>\n");
  g_autofree char *user_file = write_bundle (user_dir, "mine.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"my-help\" version=\"1\" xml:lang=\"en\">\n"
    "  <info><name>Help</name><description>More help.</description>\n"
    "    <author>Someone</author><license>CC-BY-SA-4.0</license></info>\n"
    "  <help region=\"GB\">\n"
    "    <contact kind=\"helpline\"><name>Childline</name>\n"
    "      <phone>0900 000 000</phone><source>https://example.org/other</source></contact>\n"
    "  </help>\n"
    "</bundle>\n");
  /* The built-in help's own id, a higher version, and no help at all: it would remove every contact. */
  g_autofree char *takeover_file = write_bundle (user_dir, "takeover.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"help\" version=\"999\" xml:lang=\"en\">\n"
    "  <info><name>Help</name><description>Replaces the help.</description>\n"
    "    <author>Someone</author><license>CC-BY-SA-4.0</license></info>\n"
    "</bundle>\n");
  g_autoptr(UpstanderLibrary) library = upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, dirs);
  g_autoptr(UpstanderHelpSheet) sheet = NULL;
  const UpstanderHelpCard *childline, *district, *other;
  gboolean district_attributed = FALSE, childline_attributed = FALSE, other_attributed = FALSE;

  upstander_library_load (library);
  /* The takeover is refused, with a message naming its file. */
  g_assert_cmpuint (upstander_library_get_n_failed (library), ==, 1);
  {
    GPtrArray *diagnostics = upstander_library_get_diagnostics (library);
    gboolean named = FALSE;

    for (guint i = 0; i < diagnostics->len; i++)
      {
        const UpstanderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

        named |= diagnostic->severity == UPSTANDER_SEVERITY_ERROR && g_str_has_suffix (diagnostic->file, "takeover.xml");
      }
    g_assert_true (named);
  }
  sheet = upstander_help_sheet_new (library, "GB");

  childline = find_card_with_target (sheet, "0800 1111");
  district = find_card_with_target (sheet, "01234 567890");
  other = find_card_with_target (sheet, "0900 000 000");
  g_assert_nonnull (childline);
  g_assert_nonnull (district);
  g_assert_nonnull (other);
  g_assert_nonnull (find_card_with_target (sheet, "https://childhelplineinternational.org/about/members/"));

  for (guint i = 0; i < childline->lines->len; i++)
    childline_attributed |= ((UpstanderHelpLine *) g_ptr_array_index (childline->lines, i))->kind == UPSTANDER_HELP_LINE_ADDED_BY;
  for (guint i = 0; i < district->lines->len; i++)
    district_attributed |= g_strcmp0 (((UpstanderHelpLine *) g_ptr_array_index (district->lines, i))->text,
                                      "Added by \u2068Northfield School District\u2069, not checked by Upstander") == 0;
  for (guint i = 0; i < other->lines->len; i++)
    other_attributed |= g_strcmp0 (((UpstanderHelpLine *) g_ptr_array_index (other->lines, i))->text,
                                   "Added by \u2068Someone\u2069, not checked by Upstander") == 0;
  g_assert_false (childline_attributed);
  g_assert_true (district_attributed);
  g_assert_true (other_attributed);

  /* Built-in first: the checked Childline leads its section. */
  g_assert_true (((UpstanderHelpSection *) g_ptr_array_index (sheet->sections, 0))->cards->pdata[0] == childline);

  g_clear_pointer (&sheet, upstander_help_sheet_free);
  g_assert_finalize_object (g_steal_pointer (&library));
  g_remove (system_file);
  g_remove (user_file);
  g_remove (takeover_file);
  g_rmdir (system_dir);
  g_rmdir (user_dir);
  g_rmdir (root);
}

static gboolean
has_arabic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
      return TRUE;

  return FALSE;
}

/*
 * @text without white space, direction marks or brackets. pdftotext puts
 * its own marks around right-to-left runs and, in Arabic, spaces between
 * letters that Pango printed joined, and it moves brackets next to a change
 * of direction, and combining marks; letters and digits come back in order.
 */
static char *
squash (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Marks such as Arabic's shadda also come back moved. */
      if (g_unichar_isspace (c) || g_unichar_ismark (c) || c == 0x200E || c == 0x200F || c == '(' || c == ')' ||
          (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return squash (out);
}

static void
assert_in_pdf (const char *pdf_text,
               const char *wanted,
               const char *region,
               const char *language)
{
  g_autofree char *squashed = squash (wanted);

  /* pdftotext cannot give shaped Arabic back reliably (ligatures and marks
   * come out of order or split): Arabic words are checked on the help page,
   * which shows the same sheet; here the numbers and Latin text are. */
  if (!has_arabic (squashed) && strstr (pdf_text, squashed) == NULL)
    g_error ("%s, %s: the handout lacks “%s”", region, language, wanted);
}

/*
 * `upstander --handout ID --region CC --output F.pdf` for every confirmed
 * country, in the six languages: the country's services, as the help page
 * shows them.
 */
static void
test_cli_handout_every_country (void)
{
  g_autoptr(UpstanderLibrary) library = builtin_library ();
  g_autofree char *tmp = g_dir_make_tmp ("upstander-handout-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "handout.pdf", NULL);
  const char *exe = g_getenv ("UPSTANDER_EXE");
  UpstanderScenario *scenario = g_list_model_get_item (G_LIST_MODEL (library), 0);
  const char *story = upstander_scenario_get_id (scenario);

  g_assert_nonnull (exe);
  for (guint l = 0; l < G_N_ELEMENTS (all_languages); l++)
    {
      for (guint r = 0; r < G_N_ELEMENTS (confirmed); r++)
        {
          const char *argv[] = { exe, "--handout", story, "--region", confirmed[r].region,
                                 "--language", all_languages[l], "--output", out, NULL };
          g_autoptr(UpstanderHelpSheet) sheet = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *text = NULL;
          int status = 0;

          g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                        NULL, NULL, &status, &error);
          g_assert_no_error (error);
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          text = pdf_text (out);

          set_language (all_languages[l]);
          sheet = upstander_help_sheet_new (library, confirmed[r].region);
          assert_in_pdf (text, sheet->region_line, confirmed[r].region, all_languages[l]);
          for (guint t = 0; t < G_N_ELEMENTS (confirmed[r].targets) && confirmed[r].targets[t] != NULL; t++)
            {
              const UpstanderHelpCard *card = find_card_with_target (sheet, confirmed[r].targets[t]);
              const char *name = ((UpstanderHelpLine *) g_ptr_array_index (card->lines, 0))->text;
              g_autofree char *number = squash (confirmed[r].targets[t]);

              /* Addresses may break across lines in print; numbers and names may not go missing. */
              if (!g_str_has_prefix (confirmed[r].targets[t], "https://") && strstr (text, number) == NULL)
                g_error ("%s, %s: the handout lacks %s", confirmed[r].region, all_languages[l], confirmed[r].targets[t]);
              /* Arabic on a left-to-right page comes back out of order:
               * then the name's translation, the next line, stands for it. */
              if (!g_str_equal (all_languages[l], "ar") && has_arabic (name))
                name = ((UpstanderHelpLine *) g_ptr_array_index (card->lines, 1))->text;
              assert_in_pdf (text, name, confirmed[r].region, all_languages[l]);
            }
          g_remove (out);
        }
    }

  set_language ("en");
  g_object_unref (scenario);
  g_rmdir (tmp);
}

/* The class summary prints the same help as the handout, from the same sheet. */
static void
test_summary_prints_help (void)
{
  g_autoptr(UpstanderLibrary) library = builtin_library ();
  UpstanderScenario *scenario = g_list_model_get_item (G_LIST_MODEL (library), 0);
  UpstanderClassRun *run = upstander_class_run_new (scenario);
  g_autofree char *tmp = g_dir_make_tmp ("upstander-summary-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "summary.pdf", NULL);
  g_autoptr(UpstanderDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  set_language ("fr");
  doc = upstander_class_summary_new (run, library, "FR");
  g_assert_true (upstander_document_write_pdf (doc, out, &error));
  g_assert_no_error (error);
  text = pdf_text (out);
  assert_in_pdf (text, "Aide pour : France", "FR", "fr");
  assert_in_pdf (text, "119 Allô Enfance en Danger", "FR", "fr");
  assert_in_pdf (text, "Appeler le 3018", "FR", "fr");
  assert_in_pdf (text, "Parler à quelqu'un", "FR", "fr");
  set_language ("en");

  g_clear_pointer (&doc, upstander_document_free);
  g_remove (out);
  g_rmdir (tmp);
  g_assert_finalize_object (run);
  g_object_unref (scenario);
}

int
main (int   argc,
      char *argv[])
{
  const char *data_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *with_icons = g_strconcat (data_dirs != NULL ? data_dirs : "", ":/usr/local/share:/usr/share", NULL);
  int status;

  /* The private XDG_DATA_DIRS hides the icon theme, and GTK's built-in
   * fallback icons are SVGs that need a loader this machine may lack. */
  g_setenv ("XDG_DATA_DIRS", with_icons, TRUE);

  setlocale (LC_ALL, "");
  upstander_language_bind_textdomain ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/help/loads-clean", test_loads_clean);
  g_test_add_func ("/upstander/help/contact-ways-load", test_contact_ways_load);
  g_test_add_func ("/upstander/help/contact-values-refused", test_contact_values_refused);
  g_test_add_func ("/upstander/help/every-contact-has-source-and-date", test_every_contact_has_source_and_date);
  g_test_add_func ("/upstander/help/every-region-is-iso", test_every_region_is_iso);
  g_test_add_func ("/upstander/help/numbers-kept-in-translation", test_numbers_kept_in_translation);
  for (guint i = 1; i < G_N_ELEMENTS (all_languages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/upstander/help/translated/%s", all_languages[i]);

      g_test_add_data_func (path, all_languages[i], test_translated);
    }
  g_test_add_func ("/upstander/help/sheet-for-every-confirmed-country", test_sheet_for_every_confirmed_country);
  g_test_add_func ("/upstander/help/sheet-fallback", test_sheet_fallback);
  g_test_add_func ("/upstander/help/sheet-only-stated-details", test_sheet_only_stated_details);
  g_test_add_func ("/upstander/help/region-from-locale", test_region_from_locale);
  g_test_add_func ("/upstander/help/region-list-shows-names", test_region_list_shows_names);
  g_test_add_func ("/upstander/help/page-in-every-language", test_page_in_every_language);
  g_test_add_func ("/upstander/help/page-fits-narrow-screen", test_page_fits_narrow_screen);
  g_test_add_func ("/upstander/help/header-fits-narrow-screen", test_header_fits_narrow_screen);
  g_test_add_func ("/upstander/help/installed-help-extends-only", test_installed_help_extends_only);
  g_test_add_func ("/upstander/help/summary-prints-help", test_summary_prints_help);
  g_test_add_func ("/upstander/help/cli-handout-every-country", test_cli_handout_every_country);

  status = g_test_run ();
  g_clear_object (&help_bundle);

  return status;
}

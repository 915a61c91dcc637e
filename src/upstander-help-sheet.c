/* upstander-help-sheet.c: the help for a region, as lines that the help page and the documents both show
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-help-sheet.h"
#include "upstander-language.h"
#include "upstander-region.h"

/*
 * One source for every place that shows help: the help page draws these
 * lines as widgets, the handout and the class summary print them. Only what
 * a bundle states becomes a line: no "free" or hours unless the contact has
 * them. A region's own contacts come first; a region without any says so in
 * one sentence and gets the directory of child helplines and the help
 * that works across borders.
 */

static const UpstanderContactKind section_order[] = {
  UPSTANDER_CONTACT_EMERGENCY,
  UPSTANDER_CONTACT_HELPLINE,
  UPSTANDER_CONTACT_REPORT,
  UPSTANDER_CONTACT_IMAGES,
  UPSTANDER_CONTACT_DIRECTORY,
};

static const char *
section_heading (UpstanderContactKind kind)
{
  switch (kind)
    {
    case UPSTANDER_CONTACT_EMERGENCY: return _("In an emergency");
    case UPSTANDER_CONTACT_HELPLINE:  return _("Talk to someone");
    case UPSTANDER_CONTACT_REPORT:    return _("Report harm online");
    case UPSTANDER_CONTACT_IMAGES:    return _("Report or remove images");
    case UPSTANDER_CONTACT_DIRECTORY: return _("Child helplines around the world");
    default:                          g_assert_not_reached ();
    }
}

static void
help_line_free (gpointer data)
{
  UpstanderHelpLine *line = data;

  g_free (line->text);
  g_free (line->target);
  g_free (line);
}

static void
help_card_free (gpointer data)
{
  UpstanderHelpCard *card = data;

  g_free (card->name);
  g_ptr_array_unref (card->lines);
  g_free (card);
}

static void
help_section_free (gpointer data)
{
  UpstanderHelpSection *section = data;

  g_free (section->heading);
  g_ptr_array_unref (section->cards);
  g_free (section);
}

void
upstander_help_sheet_free (UpstanderHelpSheet *self)
{
  if (self == NULL)
    return;

  g_free (self->region);
  g_free (self->region_line);
  g_free (self->notice);
  g_ptr_array_unref (self->advice);
  g_ptr_array_unref (self->general_advice);
  g_ptr_array_unref (self->sections);
  g_free (self);
}

/* Takes @text and @target. */
static void
add_line (UpstanderHelpCard     *card,
          UpstanderHelpLineKind  kind,
          char                  *text,
          char                  *target)
{
  UpstanderHelpLine *line = g_new0 (UpstanderHelpLine, 1);

  line->kind = kind;
  line->text = text;
  line->target = target;
  g_ptr_array_add (card->lines, line);
}

static char *
way_text (const UpstanderContactWay *way)
{
  g_autofree char *value = upstander_language_isolate (way->value);

  switch (way->kind)
    {
    case UPSTANDER_WAY_CALL:
      /* Translators: %s is a phone number, kept as the service writes it */
      return g_strdup_printf (_("Call %s"), value);

    case UPSTANDER_WAY_TEXT:
      if (way->keyword != NULL)
        {
          g_autofree char *keyword = upstander_language_isolate (way->keyword);

          /* Translators: an SMS: send the word (first %s, never translated) to the number (second %s) */
          return g_strdup_printf (_("Text %s to %s"), keyword, value);
        }
      /* Translators: %s is a number to send an SMS to */
      return g_strdup_printf (_("Text %s"), value);

    case UPSTANDER_WAY_CHAT:
      /* Translators: %s is a web address */
      return g_strdup_printf (_("Chat online: %s"), value);

    case UPSTANDER_WAY_FORM:
      /* Translators: %s is a web address */
      return g_strdup_printf (_("Report online: %s"), value);

    case UPSTANDER_WAY_WEB:
    default:
      /* Translators: %s is a web address */
      return g_strdup_printf (_("Website: %s"), value);
    }
}

static UpstanderHelpCard *
card_new (UpstanderLibrary       *library,
          const UpstanderHelp    *entry,
          const UpstanderContact *contact)
{
  const char * const *languages = g_get_language_names ();
  UpstanderHelpCard *card = g_new0 (UpstanderHelpCard, 1);
  const char *name = upstander_text_get (contact->name, languages);
  UpstanderBundle *bundle = upstander_library_lookup_help_bundle (library, entry);

  card->lines = g_ptr_array_new_with_free_func (help_line_free);

  if (contact->local_name != NULL)
    {
      card->name = g_strdup (contact->local_name);
      /* In its own language and direction: "017 Tu Ayuda…" keeps its number first on an Arabic page. */
      add_line (card, UPSTANDER_HELP_LINE_NAME, upstander_language_isolate (contact->local_name), NULL);
      if (g_strcmp0 (contact->local_name, name) != 0)
        add_line (card, UPSTANDER_HELP_LINE_TRANSLATION, g_strdup (name), NULL);
    }
  else
    {
      card->name = g_strdup (name);
      add_line (card, UPSTANDER_HELP_LINE_NAME, g_strdup (name), NULL);
    }

  if (contact->description != NULL)
    add_line (card, UPSTANDER_HELP_LINE_DESCRIPTION,
              g_strdup (upstander_text_get (contact->description, languages)), NULL);

  for (guint i = 0; contact->ways != NULL && i < contact->ways->len; i++)
    {
      const UpstanderContactWay *way = g_ptr_array_index (contact->ways, i);
      UpstanderHelpLineKind kind = way->kind == UPSTANDER_WAY_CALL ? UPSTANDER_HELP_LINE_CALL :
                                   way->kind == UPSTANDER_WAY_TEXT ? UPSTANDER_HELP_LINE_TEXT :
                                   UPSTANDER_HELP_LINE_LINK;

      add_line (card, kind, way_text (way), g_strdup (way->value));
    }

  if (contact->free)
    add_line (card, UPSTANDER_HELP_LINE_DETAIL, g_strdup (_("Free")), NULL);

  if (contact->hours != NULL)
    {
      g_autofree char *when = upstander_language_isolate (upstander_text_get (contact->hours, languages));

      /* Translators: %s is when a helpline is open, from a bundle */
      add_line (card, UPSTANDER_HELP_LINE_DETAIL, g_strdup_printf (_("Open: %s"), when), NULL);
    }

  if (bundle != NULL && !upstander_library_bundle_is_builtin (library, bundle))
    {
      const char *author = upstander_bundle_get_author (bundle);
      g_autofree char *who = upstander_language_isolate (author != NULL && author[0] != '\0'
                                                         ? author : upstander_bundle_get_source (bundle));

      /* Translators: %s is the author named in a bundle someone installed; Upstander did not check it */
      add_line (card, UPSTANDER_HELP_LINE_ADDED_BY,
                g_strdup_printf (_("Added by %s, not checked by Upstander"), who), NULL);
    }

  return card;
}

static gboolean
is_national (const UpstanderHelp *entry,
             const char          *region)
{
  /* Help listing several regions, such as the EU's 116 111, is shared help. */
  return region != NULL && entry->regions[0] != NULL && entry->regions[1] == NULL &&
         g_str_equal (entry->regions[0], region);
}

/* The contacts of @kind in @help, in order, as one section; none when there are none. */
static void
add_section (UpstanderHelpSheet   *self,
             UpstanderLibrary     *library,
             GPtrArray            *help,
             UpstanderContactKind  kind)
{
  UpstanderHelpSection *section = g_new0 (UpstanderHelpSection, 1);

  section->kind = kind;
  section->heading = g_strdup (section_heading (kind));
  section->cards = g_ptr_array_new_with_free_func (help_card_free);

  for (guint i = 0; i < help->len; i++)
    {
      const UpstanderHelp *entry = g_ptr_array_index (help, i);

      for (guint c = 0; c < entry->contacts->len; c++)
        {
          const UpstanderContact *contact = g_ptr_array_index (entry->contacts, c);

          if (contact->kind == kind)
            g_ptr_array_add (section->cards, card_new (library, entry, contact));
        }
    }

  if (section->cards->len > 0)
    g_ptr_array_add (self->sections, section);
  else
    help_section_free (section);
}

/**
 * upstander_help_sheet_new:
 * @region: (nullable): an ISO 3166-1 code, or %NULL when none is chosen
 *
 * Returns: (transfer full): the help for @region in the interface language
 */
UpstanderHelpSheet *
upstander_help_sheet_new (UpstanderLibrary *library,
                          const char       *region)
{
  UpstanderHelpSheet *self = g_new0 (UpstanderHelpSheet, 1);
  const char * const *languages = g_get_language_names ();
  g_autoptr(GPtrArray) help = NULL;
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  const char *region_name;

  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (library), self);

  region_name = upstander_region_get_name (region);
  self->region = region_name != NULL ? g_strdup (region) : NULL;
  self->advice = g_ptr_array_new_with_free_func (g_free);
  self->general_advice = g_ptr_array_new_with_free_func (g_free);
  self->sections = g_ptr_array_new_with_free_func (help_section_free);

  help = upstander_library_dup_help (library, self->region, NULL);

  /* The region's own help, then shared help, then the help for everywhere. */
  for (guint i = 0; i < help->len; i++)
    if (is_national (g_ptr_array_index (help, i), self->region))
      {
        g_ptr_array_add (ordered, g_ptr_array_index (help, i));
        self->national = TRUE;
      }
  for (guint i = 0; i < help->len; i++)
    if (!is_national (g_ptr_array_index (help, i), self->region))
      g_ptr_array_add (ordered, g_ptr_array_index (help, i));

  if (self->region != NULL)
    {
      g_autofree char *name = upstander_language_isolate (region_name);

      /* Translators: %s is the name of a country or territory */
      self->region_line = g_strdup_printf (_("Help for %s"), name);
      if (!self->national)
        /* Translators: %s is the name of a country or territory */
        self->notice = g_strdup_printf (_("Upstander has no checked helpline for %s yet, so it shows help that works across borders."),
                                        name);
    }
  else
    {
      self->region_line = g_strdup (_("No country chosen"));
      self->notice = g_strdup (_("No country is chosen yet, so Upstander shows help that works across borders; choose yours to see its own helplines."));
    }

  for (guint i = 0; i < ordered->len; i++)
    {
      const UpstanderHelp *entry = g_ptr_array_index (ordered, i);

      GPtrArray *advice = g_strv_contains ((const char * const *) entry->regions, "all")
                          ? self->general_advice : self->advice;

      for (guint a = 0; a < entry->advice->len; a++)
        g_ptr_array_add (advice, g_strdup (upstander_text_get (g_ptr_array_index (entry->advice, a), languages)));
    }

  /* Where a region has nothing of its own, the directory of child helplines leads. */
  if (!self->national)
    add_section (self, library, ordered, UPSTANDER_CONTACT_DIRECTORY);
  for (guint s = 0; s < G_N_ELEMENTS (section_order); s++)
    if (self->national || section_order[s] != UPSTANDER_CONTACT_DIRECTORY)
      add_section (self, library, ordered, section_order[s]);

  return self;
}

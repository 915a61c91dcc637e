/* upstander-handout.c: the lesson handout of a story, and the class summary, as documents
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-handout.h"
#include "upstander-handout-private.h"
#include "upstander-help-sheet.h"
#include "upstander-line-item.h"
#include "upstander-words.h"

/*
 * Both documents are built from the model alone, so the command line can
 * write a handout with no display. Bundle text is added as plain text; the
 * few interface strings around it come from gettext.
 */

/* What a teacher does when a pupil discloses harm (CONTENT-GUIDE.md, "Classroom"). */
const char *
upstander_disclosure_advice (void)
{
  return _("If a pupil tells you that they are being hurt, or that someone else is: "
           "listen calmly and take them seriously; thank them for telling you; do not "
           "promise to keep it secret, and explain who you will tell; do not question "
           "them in front of others. Follow your school’s safeguarding procedure and "
           "tell the person responsible for safeguarding the same day. If someone is in "
           "danger now, call the local emergency number.");
}

/* "12:05", or "1:02:05" past an hour. */
char *
upstander_format_elapsed (gint64 microseconds)
{
  gint64 seconds = MAX (microseconds, 0) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));

  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

void
_upstander_handout_add_line (UpstanderDocument   *doc,
          UpstanderScenario   *scenario,
          const UpstanderLine *line,
          guint                indent)
{
  g_autofree char *text = upstander_join_texts (scenario, line->texts, " ");
  const char *speaker = line->from != NULL ? upstander_scenario_translate (scenario, line->from->name) : "";
  g_autofree char *shown = upstander_format_line (line->kind, speaker, text);
  gboolean conditional = line->condition.if_flag != NULL || line->condition.unless_flag != NULL;

  if (conditional)
    {
      /* Translators: a line of a story that only some paths show */
      g_autofree char *marked = g_strdup_printf (_("(on some paths) %s"), shown);

      upstander_document_add (doc, line->kind == UPSTANDER_LINE_NARRATION ? UPSTANDER_DOC_QUOTE : UPSTANDER_DOC_BODY,
                              indent, marked);
    }
  else
    {
      upstander_document_add (doc, line->kind == UPSTANDER_LINE_NARRATION ? UPSTANDER_DOC_QUOTE : UPSTANDER_DOC_BODY,
                              indent, shown);
    }

  for (guint i = 0; line->comments != NULL && i < line->comments->len; i++)
    _upstander_handout_add_line (doc, scenario, g_ptr_array_index (line->comments, i), indent + 1);
}

void
_upstander_handout_add_texts (UpstanderDocument *doc,
           UpstanderScenario *scenario,
           UpstanderDocStyle  style,
           guint              indent,
           GPtrArray         *texts,
           gboolean           bullets)
{
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      const char *text = upstander_scenario_translate (scenario, g_ptr_array_index (texts, i));

      if (bullets)
        upstander_document_add_printf (doc, style, indent, "• %s", text);
      else
        upstander_document_add (doc, style, indent, text);
    }
}

/* The help for @region, printed from the same sheet the help page shows. */
void
_upstander_handout_add_help (UpstanderDocument *doc,
          UpstanderLibrary  *library,
          const char        *region)
{
  g_autoptr(UpstanderHelpSheet) sheet = NULL;

  if (library == NULL)
    return;

  sheet = upstander_help_sheet_new (library, region);
  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("Where to get help"));
  upstander_document_add (doc, UPSTANDER_DOC_SMALL, 0, sheet->region_line);
  if (sheet->notice != NULL)
    upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, sheet->notice);

  for (guint a = 0; a < sheet->advice->len; a++)
    upstander_document_add_printf (doc, UPSTANDER_DOC_BODY, 0, "• %s", (const char *) g_ptr_array_index (sheet->advice, a));
  for (guint a = 0; a < sheet->general_advice->len; a++)
    upstander_document_add_printf (doc, UPSTANDER_DOC_BODY, 0, "• %s", (const char *) g_ptr_array_index (sheet->general_advice, a));

  for (guint s = 0; s < sheet->sections->len; s++)
    {
      const UpstanderHelpSection *section = g_ptr_array_index (sheet->sections, s);

      upstander_document_add (doc, UPSTANDER_DOC_SUBHEADING, 0, section->heading);
      for (guint c = 0; c < section->cards->len; c++)
        {
          const UpstanderHelpCard *card = g_ptr_array_index (section->cards, c);

          for (guint i = 0; i < card->lines->len; i++)
            {
              const UpstanderHelpLine *line = g_ptr_array_index (card->lines, i);

              upstander_document_add (doc,
                                      line->kind == UPSTANDER_HELP_LINE_NAME ? UPSTANDER_DOC_STRONG :
                                      line->kind == UPSTANDER_HELP_LINE_CALL ||
                                      line->kind == UPSTANDER_HELP_LINE_TEXT ? UPSTANDER_DOC_STRONG :
                                      UPSTANDER_DOC_BODY,
                                      line->kind == UPSTANDER_HELP_LINE_NAME ? 0 : 1,
                                      line->text);
            }
        }
    }
}

static void
add_decision (UpstanderDocument       *doc,
              UpstanderScenario       *scenario,
              const UpstanderDecision *decision)
{
  upstander_document_add (doc, UPSTANDER_DOC_STRONG, 0, upstander_scenario_translate (scenario, decision->prompt));

  for (guint c = 0; c < decision->choices->len; c++)
    {
      const UpstanderChoice *choice = g_ptr_array_index (decision->choices, c);
      g_autofree char *reason = upstander_join_texts (scenario, choice->feedback, " ");
      g_autofree char *feedback = upstander_format_feedback (choice->effect, reason);

      upstander_document_add_printf (doc, UPSTANDER_DOC_STRONG, 1, "%u. %s", c + 1,
                                     upstander_scenario_translate (scenario, choice->label));
      upstander_document_add (doc, UPSTANDER_DOC_BODY, 2, feedback);
    }

  if (decision->questions != NULL && decision->questions->len > 0)
    {
      upstander_document_add (doc, UPSTANDER_DOC_STRONG, 0, _("Discussion questions"));
      _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 1, decision->questions, TRUE);
    }
}

/**
 * upstander_handout_new:
 * @library: (nullable): where help contacts come from
 * @region: (nullable): the region whose help contacts come first
 *
 * The lesson handout: summary, goals, every scene in order with its
 * decision, choices, feedback, questions and notes, the endings with their
 * takeaways, what to do if a pupil discloses harm, and help contacts.
 *
 * Returns: (transfer full): a document in the interface language's direction
 */
UpstanderDocument *
upstander_handout_new (UpstanderScenario *scenario,
                       UpstanderLibrary  *library,
                       const char        *region)
{
  UpstanderDocument *doc;
  GPtrArray *scenes;
  GPtrArray *endings;
  guint min_age, max_age;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);

  doc = upstander_document_new (upstander_scenario_get_title (scenario), upstander_language_direction ());
  min_age = upstander_scenario_get_age_min (scenario);
  max_age = upstander_scenario_get_age_max (scenario);

  upstander_document_add (doc, UPSTANDER_DOC_TITLE, 0, upstander_scenario_get_title (scenario));
  /* Translators: under a handout's title: the age band, then the minutes a class needs */
  upstander_document_add_printf (doc, UPSTANDER_DOC_SUBTITLE, 0, _("Lesson handout · ages %u–%u · about %u minutes"),
                                 min_age, max_age, upstander_scenario_get_minutes (scenario));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, upstander_scenario_get_summary (scenario));

  if (upstander_scenario_get_content_notes (scenario)->len > 0)
    {
      upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("Content note"));
      _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 0, upstander_scenario_get_content_notes (scenario), FALSE);
    }

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("Learning goals"));
  _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 0, upstander_scenario_get_goals (scenario), TRUE);

  scenes = upstander_scenario_get_scenes (scenario);
  for (guint s = 0; s < scenes->len; s++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenes, s);

      if (scene->title != NULL)
        /* Translators: a scene's heading in the handout: its number, then its title */
        upstander_document_add_printf (doc, UPSTANDER_DOC_HEADING, 0, _("Scene %u: %s"), s + 1,
                                       upstander_scenario_translate (scenario, scene->title));
      else
        upstander_document_add_printf (doc, UPSTANDER_DOC_HEADING, 0, _("Scene %u"), s + 1);

      for (guint l = 0; l < scene->lines->len; l++)
        _upstander_handout_add_line (doc, scenario, g_ptr_array_index (scene->lines, l), 0);

      if (scene->decision != NULL)
        add_decision (doc, scenario, scene->decision);

      if (scene->facilitator != NULL && scene->facilitator->len > 0)
        {
          upstander_document_add (doc, UPSTANDER_DOC_STRONG, 0, _("Notes for the teacher"));
          _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 1, scene->facilitator, FALSE);
        }
    }

  endings = upstander_scenario_get_endings (scenario);
  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("Endings"));
  for (guint e = 0; e < endings->len; e++)
    {
      const UpstanderEnding *ending = g_ptr_array_index (endings, e);

      upstander_document_add_printf (doc, UPSTANDER_DOC_SUBHEADING, 0, C_("feedback card", "%s: %s"),
                                     upstander_outcome_word (ending->outcome),
                                     upstander_scenario_translate (scenario, ending->title));
      _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 0, ending->texts, FALSE);
      _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 1, ending->takeaways, TRUE);
    }

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("If a pupil discloses harm"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, upstander_disclosure_advice ());

  _upstander_handout_add_help (doc, library, region);

  return doc;
}

static char *
format_hands (UpstanderClassCheck *check,
              UpstanderCheckRound  round,
              guint                index)
{
  guint hands = upstander_class_check_get_hands (check, round, index);

  if (!upstander_class_check_get_taken (check, round))
    /* Translators: in the class summary, for a round of the before-and-after check the class did not take */
    return g_strdup (_("not asked"));

  return upstander_format_hands (hands);
}

/**
 * upstander_format_check_counts:
 *
 * Both counts of statement @index of the check, as the class summary shows
 * and prints them: "before: 4 hands · after: 19 hands", or "not asked" for a
 * round the class skipped.
 *
 * Returns: (transfer full): plain text
 */
char *
upstander_format_check_counts (UpstanderClassCheck *check,
                               guint                index)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_CHECK (check), NULL);

  before = format_hands (check, UPSTANDER_CHECK_BEFORE, index);
  after = format_hands (check, UPSTANDER_CHECK_AFTER, index);

  /* Translators: the hands raised for a statement before the story, then after it, e.g. "before: 4 hands · after: 19 hands" */
  return g_strdup_printf (_("before: %s · after: %s"), before, after);
}

/* Both counts of the before-and-after check, statement by statement. */
static void
add_check (UpstanderDocument   *doc,
           UpstanderClassCheck *check)
{
  if (check == NULL || upstander_class_check_get_n_statements (check) == 0)
    return;

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("Before and after"));
  for (guint i = 0; i < upstander_class_check_get_n_statements (check); i++)
    {
      g_autofree char *counts = upstander_format_check_counts (check, i);

      upstander_document_add (doc, UPSTANDER_DOC_STRONG, 0, upstander_class_check_get_statement (check, i));
      upstander_document_add (doc, UPSTANDER_DOC_BODY, 1, counts);
    }
}

/**
 * upstander_class_summary_new:
 *
 * What the class chose: the votes at each decision and the path taken,
 * the before-and-after check if the class took it, then the ending, then
 * where to get help for @region, as the handout
 * prints it. Counts only; nothing about any pupil.
 *
 * Returns: (transfer full): a document in the interface language's direction
 */
UpstanderDocument *
upstander_class_summary_new (UpstanderClassRun *run,
                             UpstanderLibrary  *library,
                             const char        *region)
{
  UpstanderScenario *scenario;
  const UpstanderEnding *ending;
  UpstanderDocument *doc;
  g_autofree char *elapsed = NULL;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (run), NULL);

  scenario = upstander_class_run_get_scenario (run);
  doc = upstander_document_new (upstander_scenario_get_title (scenario), upstander_language_direction ());
  elapsed = upstander_format_elapsed (upstander_class_run_get_elapsed (run));

  upstander_document_add (doc, UPSTANDER_DOC_TITLE, 0, upstander_scenario_get_title (scenario));
  /* Translators: under the class summary's title; %s is a time such as 12:05 */
  upstander_document_add_printf (doc, UPSTANDER_DOC_SUBTITLE, 0, _("Class summary · time taken %s"), elapsed);

  for (guint i = 0; i < upstander_class_run_get_n_decisions (run); i++)
    {
      const UpstanderClassDecision *decision = upstander_class_run_get_decision (run, i);

      upstander_document_add_printf (doc, UPSTANDER_DOC_HEADING, 0, _("Decision %u"), i + 1);
      upstander_document_add (doc, UPSTANDER_DOC_STRONG, 0,
                              upstander_scenario_translate (scenario, decision->scene->decision->prompt));
      for (guint c = 0; c < decision->choices->len; c++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (decision->choices, c);
          const char *label = upstander_scenario_translate (scenario, choice->label);
          g_autofree char *votes = g_strdup_printf (ngettext ("%u vote", "%u votes", decision->votes[c]), decision->votes[c]);

          if (choice == decision->taken)
            /* Translators: a choice in the class summary: its label, its votes; this is the path the class took */
            upstander_document_add_printf (doc, UPSTANDER_DOC_STRONG, 1, _("%s — %s (the class went this way)"), label, votes);
          else
            upstander_document_add_printf (doc, UPSTANDER_DOC_BODY, 1, C_("votes", "%s — %s"), label, votes);
        }
    }

  add_check (doc, upstander_class_run_get_check (run));

  ending = upstander_session_get_ending (upstander_class_run_get_session (run));
  if (ending != NULL)
    {
      upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("Ending"));
      upstander_document_add_printf (doc, UPSTANDER_DOC_SUBHEADING, 0, C_("feedback card", "%s: %s"),
                                     upstander_outcome_word (ending->outcome),
                                     upstander_scenario_translate (scenario, ending->title));
      _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 0, ending->texts, FALSE);
      upstander_document_add (doc, UPSTANDER_DOC_STRONG, 0, _("What to remember"));
      _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 1, ending->takeaways, TRUE);
    }

  _upstander_handout_add_help (doc, library, region);

  return doc;
}

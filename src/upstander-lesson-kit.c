/* upstander-lesson-kit.c: the lesson plan, the pupil worksheet and the parent sheet of a story, as documents
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-handout-private.h"
#include "upstander-lesson-kit.h"

/*
 * Like the handout, these are built from the model alone, so the command
 * line writes them with no display, and they go through the same document
 * pipeline (pagination, right-to-left, paper from LC_PAPER, atomic writes)
 * and the same help sheet. Bundle text is added as plain text.
 *
 * The worksheet is for pupils: it never shows the effect of a choice, its
 * feedback, the endings or the teacher's notes, so that it asks and does not
 * answer.
 */

#define WARM_UP_MINUTES   5
#define PLENARY_MINUTES   5
#define MINUTES_A_VOTE    3  /* reading the choices out, the show of hands, a word on why */
#define MIN_STORY_MINUTES 10
#define MAX_STORY_MINUTES 25

static guint
count_decisions (UpstanderScenario *scenario)
{
  GPtrArray *scenes = upstander_scenario_get_scenes (scenario);
  guint n = 0;

  for (guint s = 0; s < scenes->len; s++)
    if (((const UpstanderScene *) g_ptr_array_index (scenes, s))->decision != NULL)
      n++;

  return n;
}

/**
 * upstander_lesson_plan_steps:
 * @steps: (out caller-allocates): the four steps of the lesson
 *
 * The 45 minutes of a lesson on @scenario: a warm-up, the story with a vote
 * at each of its decisions, a discussion, and a plenary. The story gets its
 * own length plus a few minutes for each vote, within bounds that leave at
 * least ten minutes to discuss; the discussion takes what is left.
 *
 * Returns: the number of steps, 4
 */
guint
upstander_lesson_plan_steps (UpstanderScenario   *scenario,
                             UpstanderLessonStep  steps[4])
{
  guint story;
  guint discussion_end = UPSTANDER_LESSON_MINUTES - PLENARY_MINUTES;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), 0);

  story = upstander_scenario_get_minutes (scenario) + MINUTES_A_VOTE * count_decisions (scenario);
  story = CLAMP (story, MIN_STORY_MINUTES, MAX_STORY_MINUTES);

  steps[0] = (UpstanderLessonStep) { _("Warm-up"), 0, WARM_UP_MINUTES };
  steps[1] = (UpstanderLessonStep) { _("The story and its decisions"), WARM_UP_MINUTES, WARM_UP_MINUTES + story };
  steps[2] = (UpstanderLessonStep) { _("Discussion"), WARM_UP_MINUTES + story, discussion_end };
  steps[3] = (UpstanderLessonStep) { _("Plenary"), discussion_end, UPSTANDER_LESSON_MINUTES };

  return 4;
}

static void
add_step_heading (UpstanderDocument         *doc,
                  const UpstanderLessonStep *step)
{
  /* Translators: a step of the lesson plan: its first and last minute, then its name, e.g. "5–20 min · Discussion" */
  upstander_document_add_printf (doc, UPSTANDER_DOC_SUBHEADING, 0, _("%u–%u min · %s"),
                                 step->start, step->end, step->name);
}

static void
add_content_note (UpstanderDocument *doc,
                  UpstanderScenario *scenario)
{
  if (upstander_scenario_get_content_notes (scenario)->len == 0)
    return;

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("Content note"));
  _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 0, upstander_scenario_get_content_notes (scenario), FALSE);
}

/* The roles that researchers of bullying (Salmivalli's participant roles, used by KiVa) name among witnesses. */
static void
add_bystander_roles (UpstanderDocument *doc)
{
  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("The bystander roles to name"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0,
                          _("Most bullying happens in front of others, and what they do changes what happens next. "
                            "Name the roles with the class, about the characters, never about people in the room."));
  upstander_document_add (doc, UPSTANDER_DOC_STRONG, 1, _("Reinforcer"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 1,
                          _("Laughs, cheers, likes or shares. Gives the person bullying an audience, and makes it bigger."));
  upstander_document_add (doc, UPSTANDER_DOC_STRONG, 1, _("Outsider"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 1,
                          _("Looks away, stays silent or leaves. Often out of fear; the person bullying can take the "
                            "silence as approval, and the person targeted feels alone."));
  upstander_document_add (doc, UPSTANDER_DOC_STRONG, 1, _("Defender"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 1,
                          _("Supports the person targeted, tells a trusted adult, reports, or says it is not OK when "
                            "that feels safe. Quiet, private help counts too."));
}

static void
add_decision_prompts (UpstanderDocument *doc,
                      UpstanderScenario *scenario,
                      gboolean           with_questions)
{
  GPtrArray *scenes = upstander_scenario_get_scenes (scenario);
  guint n = 0;

  for (guint s = 0; s < scenes->len; s++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenes, s);

      if (scene->decision == NULL)
        continue;

      n++;
      /* Translators: a decision of the story in the lesson plan: its number, then its question */
      upstander_document_add_printf (doc, with_questions ? UPSTANDER_DOC_STRONG : UPSTANDER_DOC_BODY, 1,
                                     _("Decision %u: %s"), n,
                                     upstander_scenario_translate (scenario, scene->decision->prompt));
      if (with_questions)
        _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 2, scene->decision->questions, TRUE);
    }
}

/* The steps the app composes when the bundle gives no plan: warm-up, story, discussion, plenary. */
static void
add_composed_steps (UpstanderDocument *doc,
                    UpstanderScenario *scenario)
{
  UpstanderLessonStep steps[4];
  GPtrArray *endings;

  upstander_lesson_plan_steps (scenario, steps);

  add_step_heading (doc, &steps[0]);
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0,
                          _("Agree the ground rules: we talk about the characters, not about anyone in the room; "
                            "anyone may pass; we listen and stay kind. Then ask: what is the difference between "
                            "a joke and bullying?"));

  add_step_heading (doc, &steps[1]);
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0,
                          _("Play the story on the projector in Classroom Mode. At each decision, read the choices "
                            "out, let the class vote by show of hands, and ask one or two pupils why before "
                            "you go on."));
  add_decision_prompts (doc, scenario, FALSE);

  add_step_heading (doc, &steps[2]);
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0,
                          _("Go back to the decisions with these questions. Ask who in the story was a "
                            "reinforcer, an outsider or a defender, and what standing up would have cost them."));
  add_decision_prompts (doc, scenario, TRUE);

  add_step_heading (doc, &steps[3]);
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0,
                          _("Ask each pupil to think of one thing they could do as a witness, and one adult they "
                            "could tell. Remind the class where to get help, and that they can talk to you "
                            "afterwards."));
  endings = upstander_scenario_get_endings (scenario);
  for (guint e = 0; e < endings->len; e++)
    {
      const UpstanderEnding *ending = g_ptr_array_index (endings, e);

      if (ending->outcome == UPSTANDER_OUTCOME_POSITIVE)
        _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 1, ending->takeaways, TRUE);
    }
}

/* The author's own steps (<lesson-plan> in the bundle), timed one after the other. */
static void
add_authored_steps (UpstanderDocument *doc,
                    UpstanderScenario *scenario)
{
  GPtrArray *plan = upstander_scenario_get_plan_steps (scenario);
  guint start = 0;

  for (guint i = 0; i < plan->len; i++)
    {
      const UpstanderPlanStep *step = g_ptr_array_index (plan, i);
      UpstanderLessonStep timed = { upstander_scenario_translate (scenario, step->title), start, start + step->minutes };

      add_step_heading (doc, &timed);
      _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 0, step->texts, FALSE);
      start = timed.end;
    }

  /* The story's own questions still belong in the teacher's hands. */
  upstander_document_add (doc, UPSTANDER_DOC_STRONG, 0, _("Discussion questions"));
  add_decision_prompts (doc, scenario, TRUE);
}

/* How long the lesson takes: the author's steps, else the composed 45 minutes. */
static guint
lesson_minutes (UpstanderScenario *scenario)
{
  GPtrArray *plan = upstander_scenario_get_plan_steps (scenario);
  guint total = 0;

  for (guint i = 0; i < plan->len; i++)
    total += ((const UpstanderPlanStep *) g_ptr_array_index (plan, i))->minutes;

  return plan->len > 0 ? total : UPSTANDER_LESSON_MINUTES;
}

/**
 * upstander_lesson_plan_new:
 * @library: (nullable): where help contacts come from
 * @region: (nullable): the region whose help contacts come first
 *
 * A lesson on @scenario for the teacher: objectives from the story's
 * goals, the steps with their timings (the author's, else a composed
 * 45 minutes), the bystander roles, safeguarding, and where to get help.
 *
 * Returns: (transfer full): a document in the interface language's direction
 */
UpstanderDocument *
upstander_lesson_plan_new (UpstanderScenario *scenario,
                           UpstanderLibrary  *library,
                           const char        *region)
{
  UpstanderDocument *doc;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);

  doc = upstander_document_new (upstander_scenario_get_title (scenario), upstander_language_direction ());

  upstander_document_add (doc, UPSTANDER_DOC_TITLE, 0, upstander_scenario_get_title (scenario));
  /* Translators: under a lesson plan's title: the age band, then the length of the lesson */
  upstander_document_add_printf (doc, UPSTANDER_DOC_SUBTITLE, 0, _("Lesson plan · ages %u–%u · %u minutes"),
                                 upstander_scenario_get_age_min (scenario), upstander_scenario_get_age_max (scenario),
                                 lesson_minutes (scenario));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, upstander_scenario_get_summary (scenario));
  add_content_note (doc, scenario);

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("Learning objectives"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, _("By the end of the lesson, pupils will:"));
  _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 1, upstander_scenario_get_goals (scenario), TRUE);

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("The lesson, step by step"));
  if (upstander_scenario_get_plan_steps (scenario)->len > 0)
    add_authored_steps (doc, scenario);
  else
    add_composed_steps (doc, scenario);

  add_bystander_roles (doc);

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("Safeguarding"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0,
                          _("Before you start, tell the class that the story may remind someone of something "
                            "real, and that they can talk to you or another trusted adult afterwards."));
  upstander_document_add (doc, UPSTANDER_DOC_STRONG, 0, _("If a pupil discloses harm"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, upstander_disclosure_advice ());

  _upstander_handout_add_help (doc, library, region);

  return doc;
}

/* What the story shows before its first decision: where the pupils start from. */
static void
add_situation (UpstanderDocument *doc,
               UpstanderScenario *scenario)
{
  const UpstanderScene *scene = upstander_scenario_get_start (scenario);

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("The situation"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, upstander_scenario_get_summary (scenario));

  if (scene == NULL)
    return;

  for (guint l = 0; l < scene->lines->len; l++)
    {
      const UpstanderLine *line = g_ptr_array_index (scene->lines, l);

      /* Lines that only some paths show belong to a path a pupil has not taken. */
      if (line->condition.if_flag == NULL && line->condition.unless_flag == NULL)
        _upstander_handout_add_line (doc, scenario, line, 1);
    }
}

/**
 * upstander_worksheet_new:
 * @library: (nullable): where help contacts come from
 * @region: (nullable): the region whose help contacts come first
 *
 * The pupil's worksheet: the situation, each decision as a question with
 * its choices and room to write why, "what would you do?", and where to get
 * help. No effects, feedback, endings or teacher's notes: nothing that
 * grades an answer.
 *
 * Returns: (transfer full): a document in the interface language's direction
 */
UpstanderDocument *
upstander_worksheet_new (UpstanderScenario *scenario,
                         UpstanderLibrary  *library,
                         const char        *region)
{
  UpstanderDocument *doc;
  GPtrArray *scenes;
  guint n = 0;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);

  doc = upstander_document_new (upstander_scenario_get_title (scenario), upstander_language_direction ());

  upstander_document_add (doc, UPSTANDER_DOC_TITLE, 0, upstander_scenario_get_title (scenario));
  upstander_document_add (doc, UPSTANDER_DOC_SUBTITLE, 0,
                          _("Worksheet · there are no wrong answers here: write what you think"));

  add_situation (doc, scenario);

  scenes = upstander_scenario_get_scenes (scenario);
  for (guint s = 0; s < scenes->len; s++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenes, s);

      if (scene->decision == NULL)
        continue;

      n++;
      upstander_document_add_printf (doc, UPSTANDER_DOC_HEADING, 0, _("Question %u"), n);
      upstander_document_add (doc, UPSTANDER_DOC_STRONG, 0, upstander_scenario_translate (scenario, scene->decision->prompt));
      upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, _("The choices in the story:"));
      for (guint c = 0; c < scene->decision->choices->len; c++)
        {
          const UpstanderChoice *choice = g_ptr_array_index (scene->decision->choices, c);

          upstander_document_add_printf (doc, UPSTANDER_DOC_BODY, 1, "☐ %s", upstander_scenario_translate (scenario, choice->label));
        }
      upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, _("Which would you choose, and why? What might happen next?"));
      upstander_document_add_writing_space (doc, 0, 4);
    }

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("What would you do?"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0,
                          _("If you saw something like this happen to someone you know, what would you do? "
                            "Who could you tell?"));
  upstander_document_add_writing_space (doc, 0, 6);

  _upstander_handout_add_help (doc, library, region);

  return doc;
}

/* The warning signs of CONTENT-GUIDE.md (from the eSafety Commissioner's list). */
static void
add_warning_signs (UpstanderDocument *doc)
{
  const char *signs[] = {
    _("seems upset, anxious or angry after being online or on their phone"),
    _("withdraws from family and friends"),
    _("suddenly changes friends"),
    _("sleeps badly, or their school work changes"),
    _("does not want to go to school"),
    _("is secretive about their phone or what they do online"),
  };

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("Signs to notice"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, _("A child who is being bullied online may be the one who:"));
  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    upstander_document_add_printf (doc, UPSTANDER_DOC_BODY, 1, "• %s", signs[i]);
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0,
                          _("If your child tells you something: stay calm, listen, and say it is not their fault. "
                            "Help them keep screenshots as evidence, block and report the account, and tell the "
                            "school. If someone is in danger now, call the local emergency number."));
}

/**
 * upstander_parent_sheet_new:
 * @library: (nullable): where help contacts come from
 * @region: (nullable): the region whose help contacts come first
 *
 * A page for the family: what the class did, what to ask at home, the
 * signs to notice, and where to get help — in the interface language, so a
 * teacher can print it in the family's language.
 *
 * Returns: (transfer full): a document in the interface language's direction
 */
UpstanderDocument *
upstander_parent_sheet_new (UpstanderScenario *scenario,
                            UpstanderLibrary  *library,
                            const char        *region)
{
  UpstanderDocument *doc;
  GPtrArray *scenes;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);

  doc = upstander_document_new (upstander_scenario_get_title (scenario), upstander_language_direction ());

  upstander_document_add (doc, UPSTANDER_DOC_TITLE, 0, upstander_scenario_get_title (scenario));
  upstander_document_add (doc, UPSTANDER_DOC_SUBTITLE, 0, _("For parents and carers"));

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("What the class did"));
  upstander_document_add (doc, UPSTANDER_DOC_BODY, 0,
                          _("In class, your child went through an interactive story about cyber-bullying. The "
                            "whole class voted on what the characters should do, saw what followed, and talked "
                            "about what someone who sees bullying can do to help. The story:"));
  upstander_document_add (doc, UPSTANDER_DOC_QUOTE, 1, upstander_scenario_get_summary (scenario));
  upstander_document_add (doc, UPSTANDER_DOC_STRONG, 0, _("What the lesson is for"));
  _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 1, upstander_scenario_get_goals (scenario), TRUE);

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("What to ask at home"));
  upstander_document_add_printf (doc, UPSTANDER_DOC_BODY, 1, "• %s", _("What happened in the story, and what did your class decide?"));
  upstander_document_add_printf (doc, UPSTANDER_DOC_BODY, 1, "• %s", _("What can someone do when they see bullying online?"));
  upstander_document_add_printf (doc, UPSTANDER_DOC_BODY, 1, "• %s", _("Who would you tell if something online upset you?"));
  /* The story's own first question, so the talk at home picks up the class's. */
  scenes = upstander_scenario_get_scenes (scenario);
  for (guint s = 0; s < scenes->len; s++)
    {
      const UpstanderScene *scene = g_ptr_array_index (scenes, s);

      if (scene->decision != NULL && scene->decision->questions != NULL && scene->decision->questions->len > 0)
        {
          upstander_document_add_printf (doc, UPSTANDER_DOC_BODY, 1, "• %s",
                                         upstander_scenario_translate (scenario, g_ptr_array_index (scene->decision->questions, 0)));
          break;
        }
    }

  add_warning_signs (doc);

  _upstander_handout_add_help (doc, library, region);

  return doc;
}

#define MAX_GOAL_STATEMENTS 3

/**
 * upstander_check_statements:
 *
 * The statements of the before-and-after check on @scenario, in the
 * interface language: the author's (`<check>`), else composed from the
 * first goals and two statements every lesson measures. Goals are bundle
 * text and go in as plain text, never as a format.
 *
 * Returns: (transfer full): 3 to 5 statements
 */
GStrv
upstander_check_statements (UpstanderScenario *scenario)
{
  g_autoptr(GStrvBuilder) statements = g_strv_builder_new ();
  GPtrArray *authored;
  GPtrArray *goals;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);

  authored = upstander_scenario_get_check_statements (scenario);
  if (authored->len > 0)
    {
      for (guint i = 0; i < authored->len; i++)
        g_strv_builder_add (statements, upstander_scenario_translate (scenario, g_ptr_array_index (authored, i)));

      return g_strv_builder_end (statements);
    }

  goals = upstander_scenario_get_goals (scenario);
  for (guint i = 0; i < goals->len && i < MAX_GOAL_STATEMENTS; i++)
    {
      /* Translators: a statement the class answers by show of hands, before and after a story; %s is one of the story's learning goals */
      g_autofree char *statement = g_strdup_printf (_("I feel ready for this goal: %s"),
                                                    upstander_scenario_translate (scenario, g_ptr_array_index (goals, i)));

      g_strv_builder_add (statements, statement);
    }
  g_strv_builder_add (statements, _("I know what I could do if I saw someone being bullied online."));
  g_strv_builder_add (statements, _("I know an adult I could tell."));

  return g_strv_builder_end (statements);
}

/* A check of @scenario's statements, for one class run. */
UpstanderClassCheck *
upstander_class_check_new_for_scenario (UpstanderScenario *scenario)
{
  g_auto(GStrv) statements = NULL;

  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);

  statements = upstander_check_statements (scenario);

  return upstander_class_check_new ((const char * const *) statements);
}

static const char *
audience_heading (UpstanderAudience audience)
{
  switch (audience)
    {
    case UPSTANDER_AUDIENCE_PLATFORMS:       return _("To the apps, games and websites");
    case UPSTANDER_AUDIENCE_SCHOOL:          return _("To our school");
    case UPSTANDER_AUDIENCE_DECISION_MAKERS:
    default:                                 return _("To the people who make the rules");
    }
}

/**
 * upstander_class_voice_poster_new:
 * @voice: what the class says should change
 * @run: the class's run of the story
 *
 * "Our class says": a page, in the interface language, with the decisions
 * the class took, what it learned (the takeaways of the ending it reached,
 * else the story's goals) and the class's lines for each audience. The
 * lines are the teacher's typing, added as plain text.
 *
 * Returns: (transfer full): a document in the interface language's direction
 */
UpstanderDocument *
upstander_class_voice_poster_new (UpstanderClassVoice *voice,
                                  UpstanderClassRun   *run)
{
  UpstanderScenario *scenario;
  const UpstanderEnding *ending;
  UpstanderDocument *doc;
  gboolean decided = FALSE;

  g_return_val_if_fail (UPSTANDER_IS_CLASS_VOICE (voice), NULL);
  g_return_val_if_fail (UPSTANDER_IS_CLASS_RUN (run), NULL);

  scenario = upstander_class_run_get_scenario (run);
  doc = upstander_document_new (_("Our class says"), upstander_language_direction ());

  upstander_document_add (doc, UPSTANDER_DOC_TITLE, 0, _("Our class says"));
  /* Translators: under the title of the class's poster; %s is the story's title */
  upstander_document_add_printf (doc, UPSTANDER_DOC_SUBTITLE, 0, _("After the story “%s”"),
                                 upstander_scenario_get_title (scenario));

  for (guint i = 0; i < upstander_class_run_get_n_decisions (run); i++)
    {
      const UpstanderClassDecision *decision = upstander_class_run_get_decision (run, i);

      if (decision->taken == NULL)
        continue;
      if (!decided)
        upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("What we decided"));
      decided = TRUE;
      upstander_document_add (doc, UPSTANDER_DOC_BODY, 0, upstander_scenario_translate (scenario, decision->scene->decision->prompt));
      /* Translators: on the class's poster, the choice the class took at a decision */
      upstander_document_add_printf (doc, UPSTANDER_DOC_STRONG, 1, _("We chose: %s"),
                                     upstander_scenario_translate (scenario, decision->taken->label));
    }

  upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, _("What we learned"));
  ending = upstander_session_get_ending (upstander_class_run_get_session (run));
  if (ending != NULL && ending->takeaways->len > 0)
    _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 0, ending->takeaways, TRUE);
  else
    _upstander_handout_add_texts (doc, scenario, UPSTANDER_DOC_BODY, 0, upstander_scenario_get_goals (scenario), TRUE);

  for (UpstanderAudience audience = 0; audience < UPSTANDER_N_AUDIENCES; audience++)
    {
      const char * const *lines = upstander_class_voice_get_lines (voice, audience);

      if (lines[0] == NULL)
        continue;
      upstander_document_add (doc, UPSTANDER_DOC_HEADING, 0, audience_heading (audience));
      for (guint i = 0; lines[i] != NULL; i++)
        upstander_document_add_printf (doc, UPSTANDER_DOC_SUBHEADING, 0, "• %s", lines[i]);
    }

  upstander_document_add (doc, UPSTANDER_DOC_SMALL, 0,
                          _("Written together by a class after a lesson on cyber-bullying. No names: these are the "
                            "class’s words."));

  return doc;
}

/* One entry point for the command line and the lesson kit dialog. */
UpstanderDocument *
upstander_kit_document_new (UpstanderKitDocument  kind,
                            UpstanderScenario    *scenario,
                            UpstanderLibrary     *library,
                            const char           *region)
{
  g_return_val_if_fail (UPSTANDER_IS_SCENARIO (scenario), NULL);

  switch (kind)
    {
    case UPSTANDER_KIT_LESSON_PLAN:  return upstander_lesson_plan_new (scenario, library, region);
    case UPSTANDER_KIT_WORKSHEET:    return upstander_worksheet_new (scenario, library, region);
    case UPSTANDER_KIT_PARENT_SHEET: return upstander_parent_sheet_new (scenario, library, region);
    default:                         g_return_val_if_reached (NULL);
    }
}

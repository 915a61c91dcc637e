/* upstander-model.c: enum nicks and destructors for the plain parts of a bundle
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-model.h"

#include "upstander-enums.h"

/**
 * upstander_id_is_valid:
 * @id: (nullable): an id of a bundle, scenario, scene, choice, ending or guide
 *
 * The one rule for ids, which the loader checks and the progress store
 * relies on (ids become key-file group names there):
 * `[a-z0-9][a-z0-9-]{0,63}`.
 */
gboolean
upstander_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL || !(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;

  for (len = 1; id[len] != '\0'; len++)
    {
      if (len >= 64)
        return FALSE;
      if (!g_ascii_islower (id[len]) && !g_ascii_isdigit (id[len]) && id[len] != '-')
        return FALSE;
    }

  return TRUE;
}

/**
 * upstander_enum_to_nick:
 * @type: a registered enum, such as %UPSTANDER_TYPE_PLACE
 * @value: one of its values
 *
 * The one spelling of an enum value outside C: its nick from the
 * registered type ("group-chat"), as bundles, CSS classes and properties
 * write it. Nothing else lists these names; the bundle schema lists them
 * again as the file format, and a test keeps the two the same.
 *
 * Returns: (transfer none) (nullable): the nick, or %NULL when @value is
 *   not one of @type's
 */
const char *
upstander_enum_to_nick (GType type,
                        int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  /* A static type's class is never finalised: its nicks outlive this ref. */
  klass = g_type_class_ref (type);
  found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

/**
 * upstander_enum_from_nick:
 * @type: a registered enum, such as %UPSTANDER_TYPE_EFFECT
 * @nick: (nullable): a name as a bundle writes it, such as "helpful"
 * @value: (out): where to put the value @nick names; untouched on failure
 *
 * Returns: whether @nick is the nick of one of @type's values
 */
gboolean
upstander_enum_from_nick (GType       type,
                          const char *nick,
                          int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  if (found == NULL)
    return FALSE;

  *value = found->value;

  return TRUE;
}

const char *
upstander_place_to_string (UpstanderPlace place)
{
  return upstander_enum_to_nick (UPSTANDER_TYPE_PLACE, place);
}

/* Chat places draw their lines as bubbles; the others as narration. */
gboolean
upstander_place_is_chat (UpstanderPlace place)
{
  return place == UPSTANDER_PLACE_GROUP_CHAT ||
         place == UPSTANDER_PLACE_DIRECT_MESSAGE ||
         place == UPSTANDER_PLACE_SOCIAL_FEED ||
         place == UPSTANDER_PLACE_GAME_LOBBY;
}

const char *
upstander_effect_to_string (UpstanderEffect effect)
{
  return upstander_enum_to_nick (UPSTANDER_TYPE_EFFECT, effect);
}

const char *
upstander_outcome_to_string (UpstanderOutcome outcome)
{
  return upstander_enum_to_nick (UPSTANDER_TYPE_OUTCOME, outcome);
}

GPtrArray *
upstander_text_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) upstander_text_free);
}

static void
condition_clear (UpstanderCondition *condition)
{
  g_clear_pointer (&condition->if_flag, g_free);
  g_clear_pointer (&condition->unless_flag, g_free);
}

void
upstander_topic_free (gpointer data)
{
  UpstanderTopic *topic = data;

  g_free (topic->id);
  upstander_text_free (topic->name);
  g_free (topic);
}

void
upstander_person_free (gpointer data)
{
  UpstanderPerson *person = data;

  g_free (person->id);
  g_free (person->avatar);
  g_free (person->team);
  upstander_text_free (person->name);
  g_free (person);
}

void
upstander_line_free (gpointer data)
{
  UpstanderLine *line = data;

  condition_clear (&line->condition);
  g_clear_pointer (&line->texts, g_ptr_array_unref);
  g_clear_pointer (&line->comments, g_ptr_array_unref);
  g_free (line);
}

void
upstander_choice_free (gpointer data)
{
  UpstanderChoice *choice = data;

  g_free (choice->id);
  g_free (choice->next);
  g_free (choice->sets);
  g_free (choice->guide);
  condition_clear (&choice->condition);
  upstander_text_free (choice->label);
  g_clear_pointer (&choice->feedback, g_ptr_array_unref);
  g_free (choice);
}

void
upstander_decision_free (gpointer data)
{
  UpstanderDecision *decision = data;

  upstander_text_free (decision->prompt);
  g_clear_pointer (&decision->questions, g_ptr_array_unref);
  g_clear_pointer (&decision->choices, g_ptr_array_unref);
  g_free (decision);
}

void
upstander_continue_free (gpointer data)
{
  UpstanderContinue *cont = data;

  g_free (cont->next);
  condition_clear (&cont->condition);
  g_free (cont);
}

void
upstander_scene_free (gpointer data)
{
  UpstanderScene *scene = data;

  g_free (scene->id);
  upstander_text_free (scene->title);
  g_clear_pointer (&scene->lines, g_ptr_array_unref);
  g_clear_pointer (&scene->decision, upstander_decision_free);
  g_clear_pointer (&scene->continues, g_ptr_array_unref);
  g_clear_pointer (&scene->facilitator, g_ptr_array_unref);
  g_free (scene);
}

void
upstander_ending_free (gpointer data)
{
  UpstanderEnding *ending = data;

  g_free (ending->id);
  g_free (ending->guide);
  upstander_text_free (ending->title);
  g_clear_pointer (&ending->texts, g_ptr_array_unref);
  g_clear_pointer (&ending->takeaways, g_ptr_array_unref);
  g_free (ending);
}

void
upstander_plan_step_free (gpointer data)
{
  UpstanderPlanStep *step = data;

  upstander_text_free (step->title);
  g_clear_pointer (&step->texts, g_ptr_array_unref);
  g_free (step);
}

void
upstander_contact_way_free (gpointer data)
{
  UpstanderContactWay *way = data;

  g_free (way->value);
  g_free (way->keyword);
  g_free (way);
}

void
upstander_contact_free (gpointer data)
{
  UpstanderContact *contact = data;

  upstander_text_free (contact->name);
  upstander_text_free (contact->description);
  g_free (contact->phone);
  g_free (contact->url);
  upstander_text_free (contact->hours);
  g_free (contact->source);
  g_free (contact->local_name);
  g_free (contact->checked);
  g_clear_pointer (&contact->ways, g_ptr_array_unref);
  g_free (contact);
}

void
upstander_help_free (gpointer data)
{
  UpstanderHelp *help = data;

  g_strfreev (help->regions);
  g_clear_pointer (&help->advice, g_ptr_array_unref);
  g_clear_pointer (&help->contacts, g_ptr_array_unref);
  g_free (help);
}

void
upstander_guide_block_free (gpointer data)
{
  UpstanderGuideBlock *block = data;

  upstander_text_free (block->text);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_free (block);
}

void
upstander_guide_free (gpointer data)
{
  UpstanderGuide *guide = data;

  g_free (guide->id);
  upstander_text_free (guide->title);
  upstander_text_free (guide->summary);
  g_clear_pointer (&guide->blocks, g_ptr_array_unref);
  g_strfreev (guide->sources);
  g_free (guide);
}

/* upstander-words.c: the words, icons and line formats every view of a story uses
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-language.h"
#include "upstander-words.h"

/*
 * The player, the classroom page, the facilitator window and the handout
 * say "This helps", "A hard ending" or "Leo: …" the same way because they
 * ask here. Names and texts from a bundle are isolated wherever they go
 * into a sentence, so a Latin name keeps its place in an Arabic line.
 */

/* The word that goes with a choice's feedback. */
const char *
upstander_effect_word (UpstanderEffect effect)
{
  switch (effect)
    {
    case UPSTANDER_EFFECT_HELPFUL: return _("This helps");
    case UPSTANDER_EFFECT_MIXED:   return _("Part of the way");
    case UPSTANDER_EFFECT_HARMFUL:
    default:                       return _("Think again");
    }
}

const char *
upstander_effect_icon (UpstanderEffect effect)
{
  switch (effect)
    {
    case UPSTANDER_EFFECT_HELPFUL: return "object-select-symbolic";
    case UPSTANDER_EFFECT_MIXED:   return "dialog-information-symbolic";
    case UPSTANDER_EFFECT_HARMFUL:
    default:                       return "dialog-warning-symbolic";
    }
}

const char *
upstander_outcome_word (UpstanderOutcome outcome)
{
  switch (outcome)
    {
    case UPSTANDER_OUTCOME_POSITIVE: return _("A good ending");
    case UPSTANDER_OUTCOME_MIXED:    return _("A mixed ending");
    case UPSTANDER_OUTCOME_NEGATIVE:
    default:                         return _("A hard ending");
    }
}

const char *
upstander_outcome_icon (UpstanderOutcome outcome)
{
  switch (outcome)
    {
    case UPSTANDER_OUTCOME_POSITIVE: return "starred-symbolic";
    case UPSTANDER_OUTCOME_MIXED:    return "dialog-information-symbolic";
    case UPSTANDER_OUTCOME_NEGATIVE:
    default:                         return "dialog-warning-symbolic";
    }
}

const char *
upstander_place_name (UpstanderPlace place)
{
  switch (place)
    {
    case UPSTANDER_PLACE_GROUP_CHAT:     return _("Group chat");
    case UPSTANDER_PLACE_DIRECT_MESSAGE: return _("Direct message");
    case UPSTANDER_PLACE_SOCIAL_FEED:    return _("Social feed");
    case UPSTANDER_PLACE_GAME_LOBBY:     return _("Game lobby");
    case UPSTANDER_PLACE_VIDEO:          return _("Video");
    case UPSTANDER_PLACE_SCHOOL:         return _("At school");
    case UPSTANDER_PLACE_HOME:           return _("At home");
    case UPSTANDER_PLACE_OUTDOORS:       return _("Outdoors");
    default:                             return "";
    }
}

const char *
upstander_place_icon (UpstanderPlace place)
{
  switch (place)
    {
    case UPSTANDER_PLACE_GROUP_CHAT:     return "system-users-symbolic";
    case UPSTANDER_PLACE_DIRECT_MESSAGE: return "chat-message-new-symbolic";
    case UPSTANDER_PLACE_SOCIAL_FEED:    return "emoji-people-symbolic";
    case UPSTANDER_PLACE_GAME_LOBBY:     return "applications-games-symbolic";
    case UPSTANDER_PLACE_VIDEO:          return "camera-video-symbolic";
    case UPSTANDER_PLACE_HOME:           return "user-home-symbolic";
    case UPSTANDER_PLACE_SCHOOL:
    case UPSTANDER_PLACE_OUTDOORS:
    default:                             return "emoji-body-symbolic";
    }
}

/* The CSS class a transcript of @place takes: bubbles for chats, a lobby, a feed, or prose. */
const char *
upstander_place_style (UpstanderPlace place)
{
  switch (place)
    {
    case UPSTANDER_PLACE_GROUP_CHAT:
    case UPSTANDER_PLACE_DIRECT_MESSAGE: return "chat";
    case UPSTANDER_PLACE_GAME_LOBBY:     return "lobby";
    case UPSTANDER_PLACE_SOCIAL_FEED:    return "feed";
    default:                             return "offline";
    }
}

/**
 * upstander_format_line:
 * @speaker: the speaker's name; ignored for narration
 *
 * Returns: (transfer full): a line as one sentence, for a screen reader, a
 *   printed page or a projector: "Leo: look at this", "Leo posted: …", or
 *   the narration itself
 */
char *
upstander_format_line (UpstanderLineKind  kind,
                       const char        *speaker,
                       const char        *text)
{
  g_autofree char *iname = upstander_language_isolate (speaker);
  g_autofree char *itext = upstander_language_isolate (text);

  switch (kind)
    {
    case UPSTANDER_LINE_MESSAGE:
    case UPSTANDER_LINE_COMMENT:
      /* Translators: how a chat message is read aloud or printed: "Leo: look at this" */
      return g_strdup_printf (C_("chat line", "%s: %s"), iname, itext);

    case UPSTANDER_LINE_POST:
      /* Translators: how a post on a social feed is read aloud: "Leo posted: look at this" */
      return g_strdup_printf (C_("social post", "%s posted: %s"), iname, itext);

    case UPSTANDER_LINE_NARRATION:
    default:
      return g_strdup (text != NULL ? text : "");
    }
}

/*
 * Whether @reason already opens with @word ("Think again. …"): then saying
 * the word first would say it twice.
 */
static gboolean
starts_with_word (const char *reason,
                  const char *word)
{
  g_autofree char *folded_reason = g_utf8_casefold (reason, -1);
  g_autofree char *folded_word = g_utf8_casefold (word, -1);

  return g_str_has_prefix (folded_reason, folded_word);
}

/**
 * upstander_format_feedback:
 *
 * Returns: (transfer full): the verdict and the reason as one sentence,
 *   "This helps: …", or the reason alone when it opens with the verdict
 */
char *
upstander_format_feedback (UpstanderEffect  effect,
                           const char      *reason)
{
  const char *word = upstander_effect_word (effect);
  g_autofree char *ireason = NULL;

  if (reason == NULL || reason[0] == '\0')
    return g_strdup (word);

  if (starts_with_word (reason, word))
    return g_strdup (reason);

  ireason = upstander_language_isolate (reason);
  /* Translators: a feedback card as one sentence: its verdict, then why */
  return g_strdup_printf (C_("feedback card", "%s: %s"), word, ireason);
}

/* The heading of a round of the class's before-and-after check. */
const char *
upstander_check_round_name (UpstanderCheckRound round)
{
  return round == UPSTANDER_CHECK_BEFORE ? _("Before the story") : _("After the story");
}

/* "4 hands": the hands raised for a statement of the check, wherever it is counted or shown. */
char *
upstander_format_hands (guint hands)
{
  /* Translators: hands raised for a statement of the before-and-after check */
  return g_strdup_printf (ngettext ("%u hand", "%u hands", hands), hands);
}

/* test-transcript.c: the rows of a scene — avatars, lobby lines, the phone, typing dots
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-transcript"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "ui-test.h"
#include "upstander-avatar.h"
#include "upstander-ending-view.h"
#include "upstander-feedback-view.h"
#include "upstander-bundle.h"
#include "upstander-language.h"
#include "upstander-lobby-row.h"
#include "upstander-message-row.h"
#include "upstander-player.h"
#include "upstander-post-row.h"
#include "upstander-transcript.h"
#include "upstander-typing-row.h"

static UpstanderSession *
session_new (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "phone.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = upstander_bundle_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return upstander_session_new (upstander_bundle_lookup_scenario (bundle, "three-places"));
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

static void
reveal_all (UpstanderSession *session)
{
  while (!upstander_session_get_all_revealed (session))
    g_assert_true (upstander_session_reveal_next (session));
}

/* Goes from the chat to the scene that choice @choice_id leads to. */
static void
choose (UpstanderSession *session,
        const char       *choice_id)
{
  g_autoptr(GError) error = NULL;

  reveal_all (session);
  g_assert_true (upstander_session_choose (session, choice_id, &error));
  g_assert_no_error (error);
  g_assert_true (upstander_session_advance (session, &error));
  g_assert_no_error (error);
}

static GtkWidget *
transcript_new (UpstanderSession *session,
                gboolean          typing)
{
  GtkWidget *transcript = upstander_transcript_new ();

  upstander_transcript_set_typing (UPSTANDER_TRANSCRIPT (transcript), typing);
  upstander_transcript_set_model (UPSTANDER_TRANSCRIPT (transcript), upstander_session_get_lines (session));
  /* As the player does when a story opens: its first line arrives. */
  upstander_transcript_type_last_line (UPSTANDER_TRANSCRIPT (transcript));

  return g_object_ref_sink (transcript);
}

static guint
count_children (GtkWidget *widget,
                GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += G_TYPE_CHECK_INSTANCE_TYPE (child, type);

  return n;
}

static UpstanderAvatar *
avatar_of (GtkWidget *row)
{
  GtkWidget *avatar = ui_test_find_one (row, UPSTANDER_TYPE_AVATAR, NULL);

  g_assert_nonnull (avatar);

  return UPSTANDER_AVATAR (avatar);
}

/* Incoming messages show their sender's drawing (or initials); the reader's own show none. */
static void
test_transcript_message_avatars (void)
{
  g_autoptr(UpstanderSession) session = session_new ();
  GtkWidget *transcript;
  GtkWidget *row;
  guint seen = 0;

  reveal_all (session);
  transcript = transcript_new (session, FALSE);

  for (row = gtk_widget_get_first_child (transcript); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      UpstanderLineItem *item;
      const UpstanderLine *line;
      UpstanderAvatar *avatar;

      if (!UPSTANDER_IS_MESSAGE_ROW (row))
        continue;
      item = upstander_line_row_get_item (UPSTANDER_LINE_ROW (row));
      line = upstander_line_item_get_line (item);
      avatar = avatar_of (row);
      seen++;

      g_assert_cmpstr (upstander_avatar_get_person_name (avatar), ==, upstander_line_item_get_speaker (item));
      g_assert_cmpstr (upstander_avatar_get_avatar_name (avatar), ==, line->from->avatar);
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (avatar)), ==, !upstander_line_item_get_from_player (item));
      if (g_strcmp0 (line->from->id, "kai") == 0)
        {
          g_assert_true (upstander_avatar_get_illustrated (avatar));
          g_assert_cmpstr (upstander_avatar_get_resource (avatar), ==, RESOURCE_BASE "/avatars/36/curls.png");
        }
      if (g_strcmp0 (line->from->id, "leo") == 0)
        g_assert_false (upstander_avatar_get_illustrated (avatar));
    }
  g_assert_cmpuint (seen, ==, 4);

  g_object_unref (transcript);
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* A post and each of its comments show their author's avatar. */
static void
test_transcript_post_avatars (void)
{
  g_autoptr(UpstanderSession) session = session_new ();
  GtkWidget *transcript, *post, *comments;
  g_autoptr(GPtrArray) avatars = NULL;

  choose (session, "feed");
  reveal_all (session);
  transcript = transcript_new (session, TRUE);
  post = ui_test_find_one (transcript, UPSTANDER_TYPE_POST_ROW, NULL);
  g_assert_nonnull (post);

  /* The post's own avatar comes first, then one per comment. */
  avatars = ui_test_find_all (post, UPSTANDER_TYPE_AVATAR, NULL);
  g_assert_cmpuint (avatars->len, ==, 3);
  g_assert_cmpstr (upstander_avatar_get_person_name (g_ptr_array_index (avatars, 0)), ==, "Mei");
  g_assert_cmpstr (upstander_avatar_get_avatar_name (g_ptr_array_index (avatars, 0)), ==, "glasses");
  g_assert_cmpstr (upstander_avatar_get_person_name (g_ptr_array_index (avatars, 1)), ==, "Kai");
  g_assert_cmpstr (upstander_avatar_get_avatar_name (g_ptr_array_index (avatars, 1)), ==, "curls");
  g_assert_cmpstr (upstander_avatar_get_person_name (g_ptr_array_index (avatars, 2)), ==, "Leo");
  g_assert_null (upstander_avatar_get_avatar_name (g_ptr_array_index (avatars, 2)));
  comments = ui_test_find_one (post, UPSTANDER_TYPE_TRANSCRIPT, NULL);
  g_assert_cmpuint (count_children (comments, UPSTANDER_TYPE_MESSAGE_ROW), ==, 2);
  /* A feed is not a chat: no typing row, even with typing on. */
  g_assert_cmpuint (count_children (transcript, UPSTANDER_TYPE_TYPING_ROW), ==, 0);

  g_object_unref (transcript);
  g_assert_finalize_object (g_steal_pointer (&session));
}

/*
 * Avatars are 36 px beside a chat message in the player (24 for a comment,
 * 32 for a post); a room-sized transcript asks for 56, and every row shown
 * follows at once: 56, 36 and 48.
 */
static void
test_transcript_avatar_size (void)
{
  g_autoptr(UpstanderSession) chat = session_new ();
  g_autoptr(UpstanderSession) feed = session_new ();
  GtkWidget *chat_transcript, *feed_transcript, *post;
  g_autoptr(GPtrArray) chat_avatars = NULL;
  g_autoptr(GPtrArray) feed_avatars = NULL;

  reveal_all (chat);
  chat_transcript = transcript_new (chat, FALSE);
  choose (feed, "feed");
  reveal_all (feed);
  feed_transcript = transcript_new (feed, FALSE);
  chat_avatars = ui_test_find_all (chat_transcript, UPSTANDER_TYPE_AVATAR, NULL);
  post = ui_test_find_one (feed_transcript, UPSTANDER_TYPE_POST_ROW, NULL);
  feed_avatars = ui_test_find_all (post, UPSTANDER_TYPE_AVATAR, NULL);
  g_assert_cmpuint (chat_avatars->len, ==, 4);
  g_assert_cmpuint (feed_avatars->len, ==, 3);

  for (guint i = 0; i < chat_avatars->len; i++)
    g_assert_cmpint (upstander_avatar_get_size (g_ptr_array_index (chat_avatars, i)), ==, 36);
  g_assert_cmpint (upstander_avatar_get_size (g_ptr_array_index (feed_avatars, 0)), ==, 32);
  g_assert_cmpint (upstander_avatar_get_size (g_ptr_array_index (feed_avatars, 1)), ==, 24);
  g_assert_cmpint (upstander_avatar_get_size (g_ptr_array_index (feed_avatars, 2)), ==, 24);

  upstander_transcript_set_avatar_size (UPSTANDER_TRANSCRIPT (chat_transcript), 56);
  upstander_transcript_set_avatar_size (UPSTANDER_TRANSCRIPT (feed_transcript), 56);
  for (guint i = 0; i < chat_avatars->len; i++)
    g_assert_cmpint (upstander_avatar_get_size (g_ptr_array_index (chat_avatars, i)), ==, 56);
  g_assert_cmpint (upstander_avatar_get_size (g_ptr_array_index (feed_avatars, 0)), ==, 48);
  g_assert_cmpint (upstander_avatar_get_size (g_ptr_array_index (feed_avatars, 1)), ==, 36);
  g_assert_cmpint (upstander_avatar_get_size (g_ptr_array_index (feed_avatars, 2)), ==, 36);

  g_object_unref (chat_transcript);
  g_object_unref (feed_transcript);
  g_assert_finalize_object (g_steal_pointer (&chat));
  g_assert_finalize_object (g_steal_pointer (&feed));
}

/* A lobby's lines are lobby rows: a name tag with one team per speaker, the reader's own team. */
static void
test_transcript_lobby_rows (void)
{
  g_autoptr(UpstanderSession) session = session_new ();
  g_autoptr(GHashTable) team_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GtkWidget *transcript;
  guint n_lines;

  choose (session, "lobby");
  reveal_all (session);
  transcript = transcript_new (session, FALSE);
  n_lines = g_list_model_get_n_items (upstander_session_get_lines (session));

  g_assert_cmpuint (n_lines, ==, 4);
  g_assert_cmpuint (count_children (transcript, UPSTANDER_TYPE_LOBBY_ROW), ==, n_lines);
  g_assert_cmpuint (count_children (transcript, UPSTANDER_TYPE_MESSAGE_ROW), ==, 0);

  for (GtkWidget *row = gtk_widget_get_first_child (transcript); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      UpstanderLineItem *item = upstander_line_row_get_item (UPSTANDER_LINE_ROW (row));
      const char *id = upstander_line_item_get_line (item)->from->id;
      GtkWidget *tag = ui_test_find_one (row, GTK_TYPE_LABEL, "name-tag");
      g_auto(GStrv) classes = NULL;
      const char *team = NULL;

      g_assert_nonnull (tag);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tag)), ==, upstander_line_item_get_speaker (item));
      classes = gtk_widget_get_css_classes (tag);
      for (guint i = 0; classes[i] != NULL; i++)
        if (g_str_has_prefix (classes[i], "team-"))
          {
            g_assert_null (team);
            team = classes[i];
          }
      g_assert_nonnull (team);
      if (upstander_line_item_get_from_player (item))
        g_assert_cmpstr (team, ==, "team-you");
      else
        g_assert_cmpstr (team, !=, "team-you");
      if (g_hash_table_contains (team_of, id))
        g_assert_cmpstr (g_hash_table_lookup (team_of, id), ==, team);
      else
        g_hash_table_insert (team_of, (char *) id, g_strdup (team));
    }
  /* Leo speaks twice, in one team. */
  g_assert_cmpuint (g_hash_table_size (team_of), ==, 3);

  g_object_unref (transcript);
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* The team class of the name tag on @row: exactly one. */
static const char *
team_of_row (GtkWidget *row)
{
  GtkWidget *tag = ui_test_find_one (row, GTK_TYPE_LABEL, "name-tag");
  g_auto(GStrv) classes = gtk_widget_get_css_classes (tag);
  const char *team = NULL;

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_str_has_prefix (classes[i], "team-"))
      {
        g_assert_null (team);
        team = g_intern_string (classes[i]);
      }
  g_assert_nonnull (team);

  return team;
}

/*
 * The author's teams (<person team="…">) colour the name tags: Rafi plays on
 * the reader's team and has the reader's colour; Max and Zed are one team,
 * the first the cast names; Ana's team the second; Lou, in none, a colour
 * from his id.
 */
static void
test_transcript_lobby_teams (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "lobby-teams.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = upstander_bundle_load_file (file, NULL, NULL, &error);
  g_autoptr(UpstanderSession) session = NULL;
  g_autoptr(GHashTable) team_of = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *transcript;

  g_assert_no_error (error);
  session = upstander_session_new (upstander_bundle_lookup_scenario (bundle, "teams"));
  reveal_all (session);
  transcript = transcript_new (session, FALSE);
  g_assert_cmpuint (count_children (transcript, UPSTANDER_TYPE_LOBBY_ROW), ==, 6);

  for (GtkWidget *row = gtk_widget_get_first_child (transcript); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      UpstanderLineItem *item = upstander_line_row_get_item (UPSTANDER_LINE_ROW (row));

      g_hash_table_insert (team_of, (char *) upstander_line_item_get_line (item)->from->id, (char *) team_of_row (row));
    }
  g_assert_cmpstr (g_hash_table_lookup (team_of, "you"), ==, "team-you");
  g_assert_cmpstr (g_hash_table_lookup (team_of, "rafi"), ==, "team-you");
  g_assert_cmpstr (g_hash_table_lookup (team_of, "max"), ==, "team-1");
  g_assert_cmpstr (g_hash_table_lookup (team_of, "zed"), ==, "team-1");
  g_assert_cmpstr (g_hash_table_lookup (team_of, "ana"), ==, "team-2");
  g_assert_cmpstr (g_hash_table_lookup (team_of, "lou"), !=, "team-you");

  g_object_unref (transcript);
  g_assert_finalize_object (g_steal_pointer (&session));
}

static GtkWidget *
typing_row_of (GtkWidget *transcript)
{
  g_assert_cmpuint (count_children (transcript, UPSTANDER_TYPE_TYPING_ROW), <=, 1);

  return ui_test_find_one (transcript, UPSTANDER_TYPE_TYPING_ROW, NULL);
}

/* Every line has exactly one row, in order, and every row shows when nothing is typed. */
static void
assert_one_row_per_line (GtkWidget        *transcript,
                         UpstanderSession *session)
{
  GListModel *lines = upstander_session_get_lines (session);
  GtkWidget *row = gtk_widget_get_first_child (transcript);
  gboolean typing = typing_row_of (transcript) != NULL;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(UpstanderLineItem) item = g_list_model_get_item (lines, i);

      if (row != NULL && UPSTANDER_IS_TYPING_ROW (row))
        row = gtk_widget_get_next_sibling (row);
      g_assert_nonnull (row);
      g_assert_true (upstander_line_row_get_item (UPSTANDER_LINE_ROW (row)) == item);
      if (!typing)
        g_assert_true (gtk_widget_get_visible (row));
      row = gtk_widget_get_next_sibling (row);
    }
  g_assert_null (row);
}

/* Runs the main loop until nothing is typed any more; the row's own timeout ends it. */
#define WAIT_SECONDS 30

static void
wait_for_typing_to_end (GtkWidget *transcript)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (typing_row_of (transcript) != NULL)
    {
      /* A deadline, not a measure: the dots end long before it. */
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
}

/* With animations off, messages appear at once: no typing row ever shows. */
static void
test_transcript_typing_off_without_animations (void)
{
  g_autoptr(UpstanderSession) session = session_new ();
  GtkWidget *transcript;

  set_animations (FALSE);
  transcript = transcript_new (session, TRUE);
  /* Not even the message that opens the scene. */
  g_assert_null (typing_row_of (transcript));
  assert_one_row_per_line (transcript, session);
  while (upstander_session_reveal_next (session))
    {
      g_assert_null (typing_row_of (transcript));
      assert_one_row_per_line (transcript, session);
      ui_test_spin (20);
      g_assert_null (typing_row_of (transcript));
    }
  g_assert_cmpuint (count_children (transcript, UPSTANDER_TYPE_MESSAGE_ROW), ==, 4);

  g_object_unref (transcript);
  g_assert_finalize_object (g_steal_pointer (&session));
  set_animations (TRUE);
}

/* With them on, each incoming message is typed first, then replaced by exactly its row. */
static void
test_transcript_typing_then_message (void)
{
  g_autoptr(UpstanderSession) session = session_new ();
  GtkWidget *transcript;
  guint typed = 0;

  set_animations (TRUE);
  transcript = transcript_new (session, TRUE);
  /* Leo's message opens the scene: it is typed like the others. */
  {
    GtkWidget *typing = typing_row_of (transcript);
    GtkWidget *message = gtk_widget_get_last_child (transcript);
    g_autoptr(UpstanderLineItem) first = g_list_model_get_item (upstander_session_get_lines (session), 0);

    g_assert_nonnull (typing);
    g_assert_true (upstander_line_row_get_item (UPSTANDER_LINE_ROW (typing)) == first);
    g_assert_true (gtk_widget_get_next_sibling (typing) == message);
    g_assert_false (gtk_widget_get_visible (message));
    typed++;
    wait_for_typing_to_end (transcript);
    g_assert_true (gtk_widget_get_visible (message));
    assert_one_row_per_line (transcript, session);
  }

  while (upstander_session_reveal_next (session))
    {
      GListModel *lines = upstander_session_get_lines (session);
      guint n = g_list_model_get_n_items (lines);
      g_autoptr(UpstanderLineItem) item = g_list_model_get_item (lines, n - 1);
      gboolean incoming = upstander_line_item_get_kind (item) == UPSTANDER_LINE_MESSAGE &&
                          !upstander_line_item_get_from_player (item);
      GtkWidget *typing = typing_row_of (transcript);
      GtkWidget *message = gtk_widget_get_last_child (transcript);

      assert_one_row_per_line (transcript, session);
      g_assert_true (upstander_line_row_get_item (UPSTANDER_LINE_ROW (message)) == item);
      if (!incoming)
        {
          g_assert_null (typing);
          g_assert_true (gtk_widget_get_visible (message));
          continue;
        }

      typed++;
      g_assert_nonnull (typing);
      g_assert_true (gtk_widget_get_next_sibling (typing) == message);
      g_assert_true (upstander_line_row_get_item (UPSTANDER_LINE_ROW (typing)) == item);
      g_assert_true (gtk_widget_get_visible (typing));
      g_assert_false (gtk_widget_get_visible (message));
      gtk_test_accessible_assert_role (typing, GTK_ACCESSIBLE_ROLE_STATUS);
      {
        g_autofree char *name = upstander_language_isolate (upstander_line_item_get_speaker (item));
        g_autofree char *spoken = g_strdup_printf ("%s is typing…", name);

        gtk_test_accessible_assert_property (typing, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
      }

      g_object_ref (message);
      wait_for_typing_to_end (transcript);
      g_assert_true (gtk_widget_get_parent (message) == transcript);
      g_assert_true (gtk_widget_get_visible (message));
      g_assert_true (gtk_widget_get_last_child (transcript) == message);
      g_object_unref (message);
      assert_one_row_per_line (transcript, session);
    }
  /* Leo, Kai and Mei; the reader's own message and the narration are not typed. */
  g_assert_cmpuint (typed, ==, 3);

  g_object_unref (transcript);
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* Continue (Enter or Space) while the dots show: that message at once, no line lost or doubled. */
static void
test_transcript_continue_while_typing (void)
{
  UpstanderSession *session = session_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *player = g_object_new (UPSTANDER_TYPE_PLAYER, NULL);
  GtkWidget *transcript, *typing, *message;
  GListModel *lines = upstander_session_get_lines (session);
  guint n;

  set_animations (TRUE);
  gtk_window_set_child (GTK_WINDOW (window), player);
  upstander_player_set_session (UPSTANDER_PLAYER (player), session);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (upstander_player_get_view (UPSTANDER_PLAYER (player)), ==, "scene");
  transcript = ui_test_find_one (player, UPSTANDER_TYPE_TRANSCRIPT, NULL);
  g_assert_true (upstander_transcript_get_typing (UPSTANDER_TRANSCRIPT (transcript)));

  /* The chat sits in the phone frame, with its place on the top bar. */
  g_assert_nonnull (gtk_widget_get_ancestor (transcript, ADW_TYPE_CLAMP));
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (transcript), "phone"));
  g_assert_nonnull (ui_test_find_one (gtk_widget_get_parent (transcript), GTK_TYPE_BOX, "phone-bar"));

  /* The message that opens the scene is typed: a press shows it and reveals nothing more. */
  n = g_list_model_get_n_items (lines);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (typing_row_of (transcript));
  gtk_widget_activate_action (player, "player.next", NULL);
  g_assert_null (typing_row_of (transcript));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n);
  assert_one_row_per_line (transcript, session);

  gtk_widget_activate_action (player, "player.next", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n + 1);
  typing = typing_row_of (transcript);
  g_assert_nonnull (typing);
  message = gtk_widget_get_next_sibling (typing);
  g_assert_false (gtk_widget_get_visible (message));

  /* The second press shows Kai's message now and reveals nothing more. */
  gtk_widget_activate_action (player, "player.next", NULL);
  g_assert_null (typing_row_of (transcript));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n + 1);
  assert_one_row_per_line (transcript, session);

  /* The timeout that was due finds nothing left to do. */
  ui_test_spin (1000);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n + 1);
  assert_one_row_per_line (transcript, session);

  /* The next press reveals the next line, as always. */
  gtk_widget_activate_action (player, "player.next", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (lines), ==, n + 2);
  assert_one_row_per_line (transcript, session);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (10);
  g_assert_finalize_object (session);
}

/* The question waits for the scene's last message: no choice to click before it shows. */
static void
test_transcript_decision_after_last_message (void)
{
  UpstanderSession *session = session_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *player = g_object_new (UPSTANDER_TYPE_PLAYER, NULL);
  GtkWidget *transcript, *prompt;
  g_autoptr(GPtrArray) choices = NULL;

  set_animations (TRUE);
  gtk_window_set_child (GTK_WINDOW (window), player);
  upstander_player_set_session (UPSTANDER_PLAYER (player), session);
  gtk_window_present (GTK_WINDOW (window));
  transcript = ui_test_find_one (player, UPSTANDER_TYPE_TRANSCRIPT, NULL);

  /* Each press shows what is being typed, or reveals the next line. */
  while (!upstander_session_get_all_revealed (session))
    gtk_widget_activate_action (player, "player.next", NULL);

  /* Mei's message, the last line, is being typed: Continue stays, no choice yet. */
  g_assert_nonnull (typing_row_of (transcript));
  g_assert_true (upstander_transcript_get_line_pending (UPSTANDER_TRANSCRIPT (transcript)));
  g_assert_null (ui_test_find_one (player, GTK_TYPE_BUTTON, "choice"));
  g_assert_nonnull (ui_test_find_shown (player, GTK_TYPE_BUTTON, "continue"));

  wait_for_typing_to_end (transcript);
  g_assert_false (upstander_transcript_get_line_pending (UPSTANDER_TRANSCRIPT (transcript)));
  assert_one_row_per_line (transcript, session);
  /* The pages are built once: the Continue buttons are there, none on screen. */
  g_assert_null (ui_test_find_shown (player, GTK_TYPE_BUTTON, "continue"));
  choices = ui_test_find_all (player, GTK_TYPE_BUTTON, "choice");
  g_assert_cmpuint (choices->len, ==, 2);
  /* The keyboard is on the question, never on a choice. */
  prompt = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (prompt);
  g_assert_true (gtk_widget_has_css_class (prompt, "prompt"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (10);
  g_assert_finalize_object (session);
}

/* What read aloud would read each time the player says something new is shown. */
static void
shown_cb (UpstanderPlayer *player,
          GPtrArray       *readings)
{
  GtkWidget *transcript = ui_test_find_one (GTK_WIDGET (player), UPSTANDER_TYPE_TRANSCRIPT, NULL);

  /* Never while a message's dots show: it is not on screen yet. */
  g_assert_false (transcript != NULL &&
                  upstander_transcript_get_line_pending (UPSTANDER_TRANSCRIPT (transcript)));
  g_ptr_array_add (readings, upstander_player_dup_reading (player, NULL, NULL));
}

/*
 * A chat scene opens with its first message typed, as the others are; read
 * aloud (automatic: it reads on "shown") gets each message when it appears,
 * never while its dots show, and the question only after the last message.
 */
static void
test_transcript_first_line_typed_and_read_when_shown (void)
{
  UpstanderSession *session = session_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *player = g_object_new (UPSTANDER_TYPE_PLAYER, NULL);
  g_autoptr(GPtrArray) readings = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *transcript;
  g_autofree char *while_typing = NULL;
  const char *messages[] = { "who is coming to the park", "me!", "me too",
                             "The chat goes quiet, then:", "see you there" };

  set_animations (TRUE);
  gtk_window_set_child (GTK_WINDOW (window), player);
  g_signal_connect (player, "shown", G_CALLBACK (shown_cb), readings);
  upstander_player_set_session (UPSTANDER_PLAYER (player), session);
  gtk_window_present (GTK_WINDOW (window));
  transcript = ui_test_find_one (player, UPSTANDER_TYPE_TRANSCRIPT, NULL);

  /* Leo's message opens the scene: dots first, Continue below, nothing to read yet. */
  g_assert_nonnull (typing_row_of (transcript));
  g_assert_nonnull (ui_test_find_one (player, GTK_TYPE_BUTTON, "continue"));
  g_assert_null (ui_test_find_one (player, GTK_TYPE_BUTTON, "choice"));
  g_assert_cmpuint (readings->len, ==, 0);
  while_typing = upstander_player_dup_reading (UPSTANDER_PLAYER (player), NULL, NULL);
  g_assert_null (while_typing);

  wait_for_typing_to_end (transcript);
  g_assert_cmpuint (readings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (readings, 0), messages[0]));

  /* Each next line is read once, when it is on screen, and never before. */
  for (guint i = 1; i < G_N_ELEMENTS (messages); i++)
    {
      gtk_widget_activate_action (player, "player.next", NULL);
      if (typing_row_of (transcript) != NULL)
        {
          g_autofree char *reading = upstander_player_dup_reading (UPSTANDER_PLAYER (player), NULL, NULL);

          g_assert_cmpuint (readings->len, ==, i);
          g_assert_null (strstr (reading, messages[i]));
          wait_for_typing_to_end (transcript);
        }
      g_assert_cmpuint (readings->len, ==, i + 1);
      g_assert_nonnull (strstr (g_ptr_array_index (readings, i), messages[i]));
    }
  /* The last reading ends with the question, now on screen. */
  g_assert_nonnull (strstr (g_ptr_array_index (readings, readings->len - 1), "Where next?"));
  g_assert_nonnull (ui_test_find_one (player, GTK_TYPE_BUTTON, "choice"));

  g_signal_handlers_disconnect_by_func (player, shown_cb, readings);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (10);
  g_assert_finalize_object (session);
}

/* With animations off the scene opens on its first message, shown and read at once. */
static void
test_transcript_first_line_without_animations (void)
{
  UpstanderSession *session = session_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *player = g_object_new (UPSTANDER_TYPE_PLAYER, NULL);
  g_autoptr(GPtrArray) readings = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *transcript;

  set_animations (FALSE);
  gtk_window_set_child (GTK_WINDOW (window), player);
  g_signal_connect (player, "shown", G_CALLBACK (shown_cb), readings);
  upstander_player_set_session (UPSTANDER_PLAYER (player), session);
  gtk_window_present (GTK_WINDOW (window));
  transcript = ui_test_find_one (player, UPSTANDER_TYPE_TRANSCRIPT, NULL);

  g_assert_null (typing_row_of (transcript));
  assert_one_row_per_line (transcript, session);
  g_assert_cmpuint (readings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (readings, 0), "who is coming to the park"));

  g_signal_handlers_disconnect_by_func (player, shown_cb, readings);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (10);
  g_assert_finalize_object (session);
  set_animations (TRUE);
}

/*
 * Behind a content note the chat is not seen yet: its opening message is
 * typed when the reader starts the story, not behind the note.
 */
static void
test_transcript_first_line_typed_after_note (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "phone.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GString) with_note = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;
  UpstanderSession *session;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *player = g_object_new (UPSTANDER_TYPE_PLAYER, NULL);
  GtkWidget *transcript;

  g_assert_true (g_file_get_contents (path, &xml, NULL, &error));
  g_assert_no_error (error);
  with_note = g_string_new (xml);
  g_assert_cmpuint (g_string_replace (with_note, "<goal>Test the rows of each place.</goal>",
                                      "<goal>Test the rows of each place.</goal>"
                                      "<content-note>A note to read first.</content-note>", 1), ==, 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&with_note));
  bundle = upstander_bundle_load_bytes (bytes, "phone.xml", NULL, &error);
  g_assert_no_error (error);
  session = upstander_session_new (upstander_bundle_lookup_scenario (bundle, "three-places"));

  set_animations (TRUE);
  gtk_window_set_child (GTK_WINDOW (window), player);
  upstander_player_set_session (UPSTANDER_PLAYER (player), session);
  gtk_window_present (GTK_WINDOW (window));
  transcript = ui_test_find_one (player, UPSTANDER_TYPE_TRANSCRIPT, NULL);

  g_assert_cmpstr (upstander_player_get_view (UPSTANDER_PLAYER (player)), ==, "note");
  g_assert_null (typing_row_of (transcript));

  gtk_widget_activate_action (player, "player.start", NULL);
  g_assert_cmpstr (upstander_player_get_view (UPSTANDER_PLAYER (player)), ==, "scene");
  g_assert_nonnull (typing_row_of (transcript));
  wait_for_typing_to_end (transcript);
  assert_one_row_per_line (transcript, session);
  g_assert_cmpuint (g_list_model_get_n_items (upstander_session_get_lines (session)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (10);
  g_assert_finalize_object (session);
}

/* Every widget under @root, each with a reference: none is freed (and its address reused) while held. */
static GPtrArray *
hold_all_widgets (GtkWidget *root)
{
  g_autoptr(GPtrArray) all = ui_test_find_all (root, GTK_TYPE_WIDGET, NULL);
  GPtrArray *held = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (held, g_object_ref (g_ptr_array_index (all, i)));

  return held;
}

/* Each widget under @root that is not in @before lies in (or is) a row of a line of @session. */
static guint
assert_new_widgets_are_line_rows (GtkWidget        *root,
                                  GPtrArray        *before,
                                  UpstanderSession *session)
{
  g_autoptr(GPtrArray) now = ui_test_find_all (root, GTK_TYPE_WIDGET, NULL);
  GListModel *lines = upstander_session_get_lines (session);
  guint n_new_rows = 0;

  for (guint i = 0; i < now->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (now, i);
      GtkWidget *row;
      gboolean of_a_line = FALSE;

      if (g_ptr_array_find (before, widget, NULL))
        continue;

      row = UPSTANDER_IS_LINE_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, UPSTANDER_TYPE_LINE_ROW);
      g_assert_nonnull (row);
      for (guint j = 0; j < g_list_model_get_n_items (lines); j++)
        {
          g_autoptr(UpstanderLineItem) item = g_list_model_get_item (lines, j);

          of_a_line = of_a_line || upstander_line_row_get_item (UPSTANDER_LINE_ROW (row)) == item;
        }
      g_assert_true (of_a_line);
      n_new_rows += row == widget;
    }

  return n_new_rows;
}

/*
 * The player's pages are built once and bound: a choice, its feedback and
 * the next scene show in the same scene page, transcript and Continue;
 * moving between them makes no widget but the rows of the new lines.
 */
static void
test_transcript_player_pages_built_once (void)
{
  UpstanderSession *session = session_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *player = g_object_new (UPSTANDER_TYPE_PLAYER, NULL);
  GtkWidget *scene_view, *transcript, *continue_button, *prompt, *feedback_view, *ending_view;
  g_autoptr(GPtrArray) before = NULL;

  set_animations (FALSE);
  gtk_window_set_child (GTK_WINDOW (window), player);
  upstander_player_set_session (UPSTANDER_PLAYER (player), session);
  gtk_window_present (GTK_WINDOW (window));

  scene_view = ui_test_find_one (player, GTK_TYPE_BOX, "scene-view");
  transcript = ui_test_find_one (scene_view, UPSTANDER_TYPE_TRANSCRIPT, NULL);
  continue_button = ui_test_find_one (scene_view, GTK_TYPE_BUTTON, "continue");
  prompt = ui_test_find_one (scene_view, GTK_TYPE_BOX, "prompt");
  feedback_view = ui_test_find_one (player, UPSTANDER_TYPE_FEEDBACK_VIEW, NULL);
  ending_view = ui_test_find_one (player, UPSTANDER_TYPE_ENDING_VIEW, NULL);
  g_assert_nonnull (scene_view);
  g_assert_nonnull (transcript);
  g_assert_nonnull (continue_button);
  g_assert_nonnull (prompt);
  g_assert_nonnull (feedback_view);
  g_assert_nonnull (ending_view);
  /* The chat is a phone: the frame around the transcript says so. */
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (transcript), "phone"));
  g_assert_true (gtk_widget_has_css_class (transcript, "chat"));

  while (!upstander_session_get_all_revealed (session))
    gtk_widget_activate_action (player, "player.next", NULL);
  g_assert_true (gtk_widget_get_mapped (prompt));
  g_assert_false (gtk_widget_get_mapped (continue_button));
  /* The other pages are hidden, not only covered: a screen reader finds only the page shown. */
  g_assert_true (gtk_widget_get_visible (scene_view));
  g_assert_false (gtk_widget_get_visible (feedback_view));
  g_assert_false (gtk_widget_get_visible (ending_view));

  /* A choice: its feedback, on the same page the player had from the start. */
  before = hold_all_widgets (player);
  gtk_widget_activate_action (player, "player.choose", "s", "lobby");
  g_assert_cmpstr (upstander_player_get_view (UPSTANDER_PLAYER (player)), ==, "feedback");
  g_assert_true (ui_test_find_one (player, UPSTANDER_TYPE_FEEDBACK_VIEW, NULL) == feedback_view);
  g_assert_true (gtk_widget_get_mapped (feedback_view));
  g_assert_false (gtk_widget_get_mapped (scene_view));
  g_assert_cmpuint (assert_new_widgets_are_line_rows (player, before, session), ==, 0);
  g_clear_pointer (&before, g_ptr_array_unref);

  /* The next scene, a game lobby: the same scene page, transcript and Continue; new rows for its lines only. */
  before = hold_all_widgets (player);
  gtk_widget_activate_action (player, "player.advance", NULL);
  g_assert_cmpstr (upstander_player_get_view (UPSTANDER_PLAYER (player)), ==, "scene");
  g_assert_true (ui_test_find_one (player, GTK_TYPE_BOX, "scene-view") == scene_view);
  g_assert_true (ui_test_find_one (scene_view, UPSTANDER_TYPE_TRANSCRIPT, NULL) == transcript);
  g_assert_true (ui_test_find_one (scene_view, GTK_TYPE_BUTTON, "continue") == continue_button);
  g_assert_true (gtk_widget_get_mapped (continue_button));
  g_assert_false (gtk_widget_get_mapped (prompt));
  g_assert_cmpuint (assert_new_widgets_are_line_rows (player, before, session), ==, 1);
  assert_one_row_per_line (transcript, session);
  /* Not a phone now: no frame, and the lobby's own look. */
  g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (transcript), "phone"));
  g_assert_false (gtk_widget_has_css_class (transcript, "chat"));
  g_assert_true (gtk_widget_has_css_class (transcript, "lobby"));
  g_clear_pointer (&before, g_ptr_array_unref);

  /* Each further line adds its row and nothing else. */
  before = hold_all_widgets (player);
  gtk_widget_activate_action (player, "player.next", NULL);
  g_assert_cmpuint (assert_new_widgets_are_line_rows (player, before, session), ==, 1);
  g_clear_pointer (&before, g_ptr_array_unref);

  /* The ending, on its page from the start. */
  while (!upstander_session_get_all_revealed (session))
    gtk_widget_activate_action (player, "player.next", NULL);
  gtk_widget_activate_action (player, "player.advance", NULL);
  g_assert_cmpstr (upstander_player_get_view (UPSTANDER_PLAYER (player)), ==, "ending");
  g_assert_true (ui_test_find_one (player, UPSTANDER_TYPE_ENDING_VIEW, NULL) == ending_view);
  g_assert_true (gtk_widget_get_mapped (ending_view));
  g_assert_false (gtk_widget_get_visible (scene_view));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (10);
  g_assert_finalize_object (session);
  set_animations (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/upstander/transcript/message-avatars", test_transcript_message_avatars);
  g_test_add_func ("/upstander/transcript/post-avatars", test_transcript_post_avatars);
  g_test_add_func ("/upstander/transcript/avatar-size", test_transcript_avatar_size);
  g_test_add_func ("/upstander/transcript/lobby-rows", test_transcript_lobby_rows);
  g_test_add_func ("/upstander/transcript/lobby-teams", test_transcript_lobby_teams);
  g_test_add_func ("/upstander/transcript/typing-off-without-animations", test_transcript_typing_off_without_animations);
  g_test_add_func ("/upstander/transcript/typing-then-message", test_transcript_typing_then_message);
  g_test_add_func ("/upstander/transcript/continue-while-typing", test_transcript_continue_while_typing);
  g_test_add_func ("/upstander/transcript/decision-after-last-message", test_transcript_decision_after_last_message);
  g_test_add_func ("/upstander/transcript/first-line-typed-and-read-when-shown", test_transcript_first_line_typed_and_read_when_shown);
  g_test_add_func ("/upstander/transcript/first-line-without-animations", test_transcript_first_line_without_animations);
  g_test_add_func ("/upstander/transcript/first-line-typed-after-note", test_transcript_first_line_typed_after_note);
  g_test_add_func ("/upstander/transcript/player-pages-built-once", test_transcript_player_pages_built_once);

  return g_test_run ();
}

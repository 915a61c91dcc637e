/* test-speaker.c: read aloud reaches a real speech-dispatcher, in the right language
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-speaker"

#include "config.h"

#include <locale.h>

#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "ui-test.h"
#include "upstander-library.h"
#include "upstander-player.h"
#include "upstander-preferences-window.h"
#include "upstander-speaker.h"
#include "upstander-window.h"

/* Waits for an external process, not a measurement: generous on purpose. */
#define WAIT_SECONDS 30

/* The test environment's address, where no server listens (tests/meson.build). */
static char *original_address;

static void
restore_address (void)
{
  if (original_address != NULL)
    g_setenv ("SPEECHD_ADDRESS", original_address, TRUE);
  else
    g_unsetenv ("SPEECHD_ADDRESS");
}

typedef struct
{
  char        *dir;
  char        *log_path;
  GSubprocess *daemon;
} Server;

static void
delete_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            delete_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static gboolean
wait_until (gboolean (*done) (gpointer data),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }

  return TRUE;
}

/* The socket appears before the daemon listens on it: try to connect. */
static gboolean
socket_accepts (gpointer data)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (data);
  g_autoptr(GSocketConnection) connection = NULL;

  if (!g_file_test (data, G_FILE_TEST_EXISTS))
    return FALSE;

  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, NULL);
  if (connection == NULL)
    return FALSE;

  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

/*
 * TESTING.md, "Speech": a private daemon with its own configuration and
 * socket, logging every command it receives; no audio device is needed.
 */
static Server *
server_start (void)
{
  Server *server = g_new0 (Server, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conf_dir = NULL;
  g_autofree char *modules_dir = NULL;
  g_autofree char *log_dir = NULL;
  g_autofree char *run_dir = NULL;
  g_autofree char *socket_path = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *module_conf = NULL;
  g_autofree char *module_path = NULL;
  g_autofree char *address = NULL;

  server->dir = g_dir_make_tmp ("upstander-speechd-XXXXXX", &error);
  g_assert_no_error (error);
  conf_dir = g_build_filename (server->dir, "conf", NULL);
  modules_dir = g_build_filename (conf_dir, "modules", NULL);
  log_dir = g_build_filename (server->dir, "log", NULL);
  run_dir = g_build_filename (server->dir, "run", NULL);
  socket_path = g_build_filename (run_dir, "speechd.sock", NULL);
  g_mkdir_with_parents (modules_dir, 0700);
  g_mkdir_with_parents (log_dir, 0700);
  g_mkdir_with_parents (run_dir, 0700);

  conf = g_strdup_printf ("LogLevel 5\n"
                          "LogDir \"%s\"\n"
                          "AudioOutputMethod \"libao\"\n"
                          "AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\n"
                          "DefaultModule \"espeak-ng\"\n", log_dir);
  conf_path = g_build_filename (conf_dir, "speechd.conf", NULL);
  g_file_set_contents (conf_path, conf, -1, &error);
  g_assert_no_error (error);

  /* Installed with espeak-ng's speech-dispatcher module (build-aux/setup.sh). */
  g_file_get_contents ("/etc/speech-dispatcher/modules/espeak-ng.conf", &module_conf, NULL, &error);
  g_assert_no_error (error);
  module_path = g_build_filename (modules_dir, "espeak-ng.conf", NULL);
  g_file_set_contents (module_path, module_conf, -1, &error);
  g_assert_no_error (error);

  server->log_path = g_build_filename (log_dir, "speech-dispatcher.log", NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", run_dir, TRUE);
  /* -s: stay in the foreground, so the test owns it and can stop it by
   * its process; -t: gone by itself 5 s after its last client anyway. */
  server->daemon = g_subprocess_launcher_spawn (launcher, &error,
                                                "speech-dispatcher", "-s", "-t", "5",
                                                "-C", conf_dir, "-S", socket_path,
                                                "-l", "5", "-L", log_dir, NULL);
  g_assert_no_error (error);
  if (!wait_until (socket_accepts, socket_path))
    g_error ("speech-dispatcher made no socket in %d s", WAIT_SECONDS);

  address = g_strconcat ("unix_socket:", socket_path, NULL);
  g_setenv ("SPEECHD_ADDRESS", address, TRUE);

  return server;
}

static void
server_stop (Server *server)
{
  g_subprocess_send_signal (server->daemon, SIGTERM);
  g_subprocess_wait (server->daemon, NULL, NULL);
  g_clear_object (&server->daemon);
  delete_tree (server->dir);
  restore_address ();
  g_free (server->dir);
  g_free (server->log_path);
  g_free (server);
}

static char *
read_log (Server *server)
{
  char *log = NULL;

  g_file_get_contents (server->log_path, &log, NULL, NULL);

  return log != NULL ? log : g_strdup ("");
}

typedef struct
{
  Server     *server;
  const char *needles[3];  /* in this order in the log, after offset */
  gsize       offset;
  gsize       found_end;
} LogSearch;

/* Whether the log holds each needle, one after the other, past the offset. */
static gboolean
log_has_in_order (gpointer data)
{
  LogSearch *search = data;
  g_autofree char *log = read_log (search->server);
  const char *at;

  if (strlen (log) < search->offset)
    return FALSE;
  at = log + search->offset;
  for (guint i = 0; i < G_N_ELEMENTS (search->needles) && search->needles[i] != NULL; i++)
    {
      at = strstr (at, search->needles[i]);
      if (at == NULL)
        return FALSE;
      at += strlen (search->needles[i]);
    }

  search->found_end = at - log;
  return TRUE;
}

static gboolean
not_connecting (gpointer data)
{
  return !upstander_speaker_get_connecting (data);
}

static void
speaking_item_cb (UpstanderSpeaker *speaker,
                  GParamSpec       *pspec,
                  GPtrArray        *seen)
{
  const char *item = upstander_speaker_get_speaking_item (speaker);

  if (item != NULL)
    g_ptr_array_add (seen, g_strdup (item));
}

typedef struct
{
  GPtrArray  *seen;
  const char *item;
} Seen;

static gboolean
has_seen (gpointer data)
{
  Seen *seen = data;

  for (guint i = 0; i < seen->seen->len; i++)
    if (g_str_equal (g_ptr_array_index (seen->seen, i), seen->item))
      return TRUE;

  return FALSE;
}

/* Without a server: no crash, no wait, a reason for the tooltip. */
static void
test_without_server (void)
{
  g_autofree char *dir = g_dir_make_tmp ("upstander-nospeech-XXXXXX", NULL);
  g_autofree char *address = g_strdup_printf ("unix_socket:%s/none.sock", dir);
  UpstanderSpeaker *speaker;

  g_setenv ("SPEECHD_ADDRESS", address, TRUE);
  speaker = upstander_speaker_new (FALSE);
  g_assert_false (upstander_speaker_get_available (speaker));
  g_assert_nonnull (upstander_speaker_get_unavailable_reason (speaker));
  g_assert_true (wait_until (not_connecting, speaker));

  g_assert_false (upstander_speaker_get_available (speaker));
  g_assert_nonnull (strstr (upstander_speaker_get_unavailable_reason (speaker), "speech-dispatcher"));
  g_assert_false (upstander_speaker_speak (speaker, "line", "Hello", "en"));
  upstander_speaker_stop (speaker);
  g_assert_null (upstander_speaker_get_speaking_item (speaker));

  g_assert_finalize_object (speaker);
  restore_address ();
  g_rmdir (dir);
}

static const struct
{
  const char *item;
  const char *text;
  const char *language;  /* as the app has it */
  const char *sent;      /* as speech-dispatcher gets it */
} lines[] = {
  { "scene:start:0", "Leo: look at what Amira wore lol", "en", "en" },
  { "scene:start:1", "ليو: انظروا إلى ما ترتديه أميرة", "ar", "ar" },
  { "feedback:dm", "这会有帮助：私信让她知道她并不孤单。", "zh_CN", "zh-CN" },
  /* Story text is plain text: never a format, never protocol. */
  { "scene:start:2", "%s%n <b>50% off</b>", "en", "en" },
};

/* Each text, with its language set just before it, reaches the server. */
static void
test_reaches_server (void)
{
  Server *server = server_start ();
  UpstanderSpeaker *speaker = upstander_speaker_new (FALSE);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  gsize offset = 0;

  g_signal_connect (speaker, "notify::speaking-item", G_CALLBACK (speaking_item_cb), seen);
  g_assert_true (wait_until (not_connecting, speaker));
  g_assert_true (upstander_speaker_get_available (speaker));
  g_assert_null (upstander_speaker_get_unavailable_reason (speaker));

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      /* SSIP lines end in CR LF, and the log keeps them. */
      g_autofree char *language = g_strdup_printf ("DATA:|SET SELF LANGUAGE %s\r\n", lines[i].sent);
      g_autofree char *text = g_strdup_printf ("DATA:|%s\r\n", lines[i].text);
      LogSearch search = { server, { language, "DATA:|speak", text }, offset, 0 };
      Seen item = { seen, lines[i].item };

      g_assert_true (upstander_speaker_speak (speaker, lines[i].item, lines[i].text, lines[i].language));
      if (!wait_until (log_has_in_order, &search))
        {
          g_autofree char *log = read_log (server);

          g_test_message ("log:\n%s", log);
          g_error ("speech-dispatcher did not get “%s” in %s", lines[i].text, lines[i].sent);
        }
      offset = search.found_end;

      /* The server says when it starts on it: that is what a view highlights. */
      if (!wait_until (has_seen, &item))
        g_error ("never reported as being read: %s", lines[i].item);
    }

  /* Stop cancels at once, and nothing is reported as being read. */
  g_assert_true (upstander_speaker_speak (speaker, "long", "A long line that is still being read when the reader stops it.", "en"));
  upstander_speaker_stop (speaker);
  g_assert_null (upstander_speaker_get_speaking_item (speaker));
  {
    LogSearch search = { server, { "DATA:|CANCEL SELF", NULL, NULL }, offset, 0 };

    g_assert_true (wait_until (log_has_in_order, &search));
  }

  g_assert_finalize_object (speaker);
  server_stop (server);
}

/* The window: a story open, its first line, the F8 action. */
typedef struct
{
  UpstanderApplication *app;
  UpstanderWindow      *window;
  UpstanderPlayer      *player;
  UpstanderScenario    *scenario;
} Story;

/* The header's Read aloud button follows win.read-aloud's state. */
static gboolean
button_sensitive (gpointer data)
{
  Story *story = data;
  GtkWidget *button = ui_test_find_one (GTK_WIDGET (story->window), GTK_TYPE_BUTTON, "read-aloud");

  return button != NULL && gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button);
}

static void
story_open (Story      *story,
            const char *language)
{
  g_autoptr(UpstanderLibrary) library = NULL;
  GListModel *stories;

  const char *languages[] = { language, NULL };

  library = upstander_library_new ();
  upstander_library_load (library);
  story->app = ui_test_new_app (library);
  /* The stories in the reader's language. (Not through the language
   * setting: the apps of earlier tests in this process would rebuild
   * every window when it changes.) */
  upstander_library_set_languages (library, languages);
  story->window = upstander_window_new (story->app);
  gtk_window_present (GTK_WINDOW (story->window));
  stories = upstander_window_get_stories (story->window);
  g_assert_cmpuint (g_list_model_get_n_items (stories), >, 0);
  story->scenario = g_list_model_get_item (stories, 0);
  g_assert_true (upstander_window_open_scenario (story->window,
                                                 upstander_scenario_get_bundle_id (story->scenario),
                                                 upstander_scenario_get_id (story->scenario)));
  story->player = UPSTANDER_PLAYER (ui_test_find_one (GTK_WIDGET (story->window), UPSTANDER_TYPE_PLAYER, NULL));
  if (g_strcmp0 (upstander_player_get_view (story->player), "note") == 0)
    gtk_widget_activate_action (GTK_WIDGET (story->player), "player.start", NULL);
  g_assert_cmpstr (upstander_player_get_view (story->player), ==, "scene");
}

static void
story_close (Story *story)
{
  g_clear_object (&story->scenario);
  ui_test_close_app (story->app);
}

/* The first line of the first scene, as the story shows it in this language. */
static const char *
first_line_text (Story *story)
{
  UpstanderSession *session = upstander_player_get_session (story->player);
  g_autoptr(GPtrArray) lines = upstander_session_dup_visible_lines (session);
  const UpstanderLine *line = g_ptr_array_index (lines, 0);

  return upstander_scenario_translate (story->scenario, g_ptr_array_index (line->texts, 0));
}

static const struct
{
  const char *language;  /* LANGUAGE */
  const char *sent;      /* what speech-dispatcher must be told */
  const char *script;    /* a character of the script the line must be in */
} stories[] = {
  { "en", "en", "e" },
  { "ar", "ar", "\xd8" },      /* Arabic letters are U+06xx: lead byte D8–DB */
  { "zh_CN", "zh-CN", "\xe4" }, /* CJK ideographs start with E4–E9 */
};

/* Once the speaker says what it reads, the player's line is outlined. */
static void
highlight_seen_cb (UpstanderSpeaker *speaker,
                   GParamSpec       *pspec,
                   Story            *story)
{
  if (upstander_speaker_get_speaking_item (speaker) != NULL &&
      ui_test_find_one (GTK_WIDGET (story->player), GTK_TYPE_WIDGET, "reading-aloud") != NULL)
    g_object_set_data (G_OBJECT (story->player), "highlight-seen", GINT_TO_POINTER (TRUE));
}

static gboolean
highlight_seen (gpointer data)
{
  Story *story = data;

  return g_object_get_data (G_OBJECT (story->player), "highlight-seen") != NULL;
}

/* F8 reads the current line of the open story, in the story's language. */
static void
test_window_reads_current_line (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  Server *server = server_start ();
  Story story = { 0 };
  g_autofree char *language = g_strdup_printf ("DATA:|SET SELF LANGUAGE %s\r\n", stories[index].sent);
  g_autofree char *text = NULL;
  g_autofree char *reading = NULL;
  g_autofree char *item = NULL;
  LogSearch search = { server, { NULL, NULL, NULL }, 0, 0 };

  story_open (&story, stories[index].language);
  g_test_message ("first line: %s", first_line_text (&story));
  g_assert_nonnull (strstr (first_line_text (&story), stories[index].script));

  reading = upstander_player_dup_reading (story.player, &item, NULL);
  g_assert_nonnull (reading);
  /* The newest line, with who wrote it when it is a message. */
  g_assert_nonnull (strstr (reading, first_line_text (&story)));
  g_assert_true (g_str_has_suffix (item, ":1"));

  /* The action turns on once the app's speaker has connected. */
  if (!wait_until (button_sensitive, &story))
    g_error ("Read aloud never became available");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (ui_test_find_one (GTK_WIDGET (story.window), GTK_TYPE_BUTTON, "read-aloud")),
                   !=, NULL);
  /* After the window's own handler, which highlights. */
  g_signal_connect_after (upstander_application_get_speaker (story.app), "notify::speaking-item",
                          G_CALLBACK (highlight_seen_cb), &story);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (story.window), "win.read-aloud", NULL));
  /* A message is read with its writer's name first; narration joins its paragraphs. */
  text = g_strdup (first_line_text (&story));
  search.needles[0] = language;
  search.needles[1] = "DATA:|speak";
  search.needles[2] = text;
  if (!wait_until (log_has_in_order, &search))
    {
      g_autofree char *log = read_log (server);

      g_printerr ("%s\n", log);
      g_error ("the current line did not reach speech-dispatcher in %s", stories[index].sent);
    }

  if (!wait_until (highlight_seen, &story))
    g_error ("the line being read was never highlighted");
  g_signal_handlers_disconnect_by_func (upstander_application_get_speaker (story.app), highlight_seen_cb, &story);

  /* Quick exit silences it at once. */
  search.offset = search.found_end;
  search.needles[0] = "DATA:|CANCEL SELF";
  search.needles[1] = NULL;
  search.needles[2] = NULL;
  story_close (&story);
  g_assert_true (wait_until (log_has_in_order, &search));

  server_stop (server);
}

/* With the setting on, each new line is read as it appears. */
static void
test_window_reads_new_lines (void)
{
  Server *server = server_start ();
  Story story = { 0 };
  UpstanderSettings *settings;
  g_autoptr(GPtrArray) lines = NULL;
  g_autofree char *second = NULL;
  LogSearch search = { server, { NULL, NULL, NULL }, 0, 0 };

  story_open (&story, "en");
  settings = upstander_application_get_settings (story.app);
  upstander_settings_set_read_aloud_automatically (settings, TRUE);
  g_assert_true (wait_until (not_connecting, upstander_application_get_speaker (story.app)));

  lines = upstander_session_dup_visible_lines (upstander_player_get_session (story.player));
  g_assert_cmpuint (lines->len, >=, 2);
  gtk_widget_activate_action (GTK_WIDGET (story.player), "player.next", NULL);
  second = g_strdup_printf ("%s\r\n",
                            upstander_scenario_translate (story.scenario,
                                                          g_ptr_array_index (((UpstanderLine *) g_ptr_array_index (lines, 1))->texts, 0)));
  search.needles[0] = "DATA:|SET SELF LANGUAGE en\r\n";
  search.needles[1] = second;
  if (!wait_until (log_has_in_order, &search))
    g_error ("the new line was not read by itself");

  upstander_settings_set_read_aloud_automatically (settings, FALSE);
  story_close (&story);
  server_stop (server);
}

/* Without a server the button stays, insensitive, and says why. */
static void
test_window_without_server (void)
{
  Story story = { 0 };
  GtkWidget *button;

  story_open (&story, "en");
  g_assert_true (wait_until (not_connecting, upstander_application_get_speaker (story.app)));
  button = ui_test_find_one (GTK_WIDGET (story.window), GTK_TYPE_BUTTON, "read-aloud");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "speech-dispatcher"));
  /* The header keeps room for it in a narrow window. */
  gtk_window_set_default_size (GTK_WINDOW (story.window), 360, 740);
  ui_test_save_shot (GTK_WIDGET (story.window), "read-aloud-narrow");
  /* How a line being read looks (the speaker would turn this on). */
  upstander_player_set_reading_highlight (story.player, TRUE);
  g_assert_nonnull (ui_test_find_one (GTK_WIDGET (story.player), GTK_TYPE_WIDGET, "reading-aloud"));
  ui_test_save_shot (GTK_WIDGET (story.window), "read-aloud-highlight");
  upstander_player_set_reading_highlight (story.player, FALSE);
  g_assert_null (ui_test_find_one (GTK_WIDGET (story.player), GTK_TYPE_WIDGET, "reading-aloud"));
  /* F8 does nothing, and nothing breaks. */
  gtk_widget_activate_action (GTK_WIDGET (story.window), "win.read-aloud", NULL);
  story_close (&story);
}

/* Preferences has the switch for reading each new line, tied to the setting. */
static void
test_preferences_switch (void)
{
  g_autoptr(UpstanderLibrary) library = upstander_library_new ();
  UpstanderApplication *app = ui_test_new_app (library);
  UpstanderSettings *settings = upstander_application_get_settings (app);
  UpstanderPreferencesWindow *preferences = upstander_preferences_window_new (app);
  GtkWidget *row, *toggle;

  gtk_window_present (GTK_WINDOW (preferences));
  ui_test_spin (50);
  row = ui_test_find_label (GTK_WIDGET (preferences), "Read each new line aloud");
  g_assert_nonnull (row);
  toggle = ui_test_find_one (GTK_WIDGET (preferences), GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (toggle);

  g_assert_false (upstander_settings_get_read_aloud_automatically (settings));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (upstander_settings_get_read_aloud_automatically (settings));
  upstander_settings_set_read_aloud_automatically (settings, FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  gtk_window_destroy (GTK_WINDOW (preferences));
  ui_test_close_app (app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_add_system_data_dirs ();
  setlocale (LC_ALL, "");
  original_address = g_strdup (g_getenv ("SPEECHD_ADDRESS"));
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/speaker/without-server", test_without_server);
  g_test_add_func ("/upstander/speaker/reaches-server", test_reaches_server);
  g_test_add_func ("/upstander/speaker/window-without-server", test_window_without_server);
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    {
      g_autofree char *path = g_strdup_printf ("/upstander/speaker/window-reads-current-line/%s",
                                               stories[i].language);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_window_reads_current_line);
    }
  g_test_add_func ("/upstander/speaker/window-reads-new-lines", test_window_reads_new_lines);
  g_test_add_func ("/upstander/speaker/preferences-switch", test_preferences_switch);

  return g_test_run ();
}

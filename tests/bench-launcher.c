/* bench-launcher.c: one measured run for bench-scale: the app or an empty window, a load or a bare parse
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-launcher"
#define _GNU_SOURCE  /* RUSAGE_THREAD */

#include "config.h"

#include <adwaita.h>
#include <libxml/parser.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "upstander-application.h"
#include "upstander-window.h"

/*
 * bench-scale starts this program once per measurement, each time a fresh
 * process, and reads what it measured from file descriptor 3 as lines of
 * "key value". The modes:
 *
 *   window app|empty [returning]
 *                      the real start-up (upstander_application_main(), as
 *                      src/main.c runs it) or an AdwApplication with an empty
 *                      AdwApplicationWindow of the same size; reports when the
 *                      first window first painted and its peak RSS then, and
 *                      for the app the same once the library is complete (every
 *                      bundle, built-in and installed, read) and
 *                      the catalogue painted. Every start is a first one
 *                      (the settings are in memory): the language counts as
 *                      chosen, but who is reading is asked, after the first
 *                      frame; "returning" answers that too, as for a reader
 *                      who has started the app before.
 *   search             the app, then types queries into the catalogue's search
 *                      entry one character at a time; reports for each
 *                      keystroke the time from "search-changed" to the filter's
 *                      result, and to the next painted frame.
 *   load DIR...        reads the bundles in DIR with UpstanderLibrary, as
 *                      --list does (no core bundle); CPU time and peak RSS.
 *   parse DIR...       libxml2's bare parse of the same files, the baseline.
 *                      With --core first, the built-in bundles too (as --list
 *                      reads them); with --xmllint, with the options
 *                      `xmllint --noout` parses with, not the loader's.
 */

#define REPORT_FD 3

/* Same options as the loader (../shared/TESTING.md): the baseline parses as it does. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT)

/* What `xmllint --noout` parses with (libxml2 2.9.14's xmllint.c), the
 * baseline issue 15 first measured against: it keeps the indentation
 * between elements as text nodes, which the loader drops (NOBLANKS). */
#define XMLLINT_OPTIONS (XML_PARSE_COMPACT | XML_PARSE_BIG_LINES)

static const char * const search_queries[] = {
  "friend",
  "the class chat 05",
  "secret",
  "qxz",
  NULL
};

typedef struct
{
  GtkApplication     *app;
  GtkWindow          *window;
  gboolean            search;
  gboolean            painted;
  gboolean            complete;
  gboolean            complete_reported;

  GtkEditable        *entry;
  GtkFilterListModel *filtered;
  guint               query;
  guint               typed;
  gint64              changed_at;
  gboolean            measuring;       /* a keystroke was typed, its search not yet painted */
  gboolean            waiting_filter;
  gboolean            waiting_paint;
} Run;

static Run run;

static void
report (const char *key,
        double      value)
{
  g_autofree char *line = g_strdup_printf ("%s %.3f\n", key, value);
  gsize done = 0;

  while (done < strlen (line))
    {
      gssize n = write (REPORT_FD, line + done, strlen (line) - done);

      if (n <= 0)
        g_error ("cannot write the report to fd %d", REPORT_FD);
      done += n;
    }
}

/* A field of /proc/self/status in KiB: VmHWM is the peak resident set. */
static double
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *at;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (at = strstr (status, field)) == NULL)
    g_error ("no %s in /proc/self/status", field);

  return g_ascii_strtod (at + strlen (field) + 1, NULL);
}

/* CPU time of the process (RUSAGE_SELF) or of this thread alone (RUSAGE_THREAD). */
static double
cpu_us_of (int who)
{
  struct rusage usage;

  getrusage (who, &usage);

  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6 +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static G_NORETURN void
finish (void)
{
  GDBusConnection *bus = run.app != NULL ? g_application_get_dbus_connection (G_APPLICATION (run.app)) : NULL;

  /* Both applications are unique: give the name back, and wait for the
   * bus to say so, or the next run would find it taken and hand its
   * activation to this process as it ends. */
  if (bus != NULL)
    {
      g_autoptr(GVariant) reply =
        g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                     "org.freedesktop.DBus", "ReleaseName",
                                     g_variant_new ("(s)", g_application_get_application_id (G_APPLICATION (run.app))),
                                     NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
    }

  close (REPORT_FD);
  /* Nothing after the measurement matters: leave without tearing down. */
  _exit (0);
}

static void type_next_cb (gpointer data);

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  if (!run.painted)
    {
      run.painted = TRUE;
      report ("frame-us", g_get_monotonic_time ());
      report ("frame-hwm-kib", status_kib ("VmHWM:"));
      /* Unlike the wall time, CPU time hardly depends on what else the machine runs. */
      report ("frame-cpu-us", cpu_us_of (RUSAGE_SELF));
      report ("frame-main-cpu-us", cpu_us_of (RUSAGE_THREAD));
    }

  if (!UPSTANDER_IS_APPLICATION (run.app))
    finish ();

  if (run.complete && !run.complete_reported)
    {
      run.complete_reported = TRUE;
      report ("complete-us", g_get_monotonic_time ());
      report ("complete-hwm-kib", status_kib ("VmHWM:"));
      if (!run.search)
        finish ();
      g_idle_add_once (type_next_cb, NULL);
      return;
    }

  if (run.waiting_paint)
    {
      run.waiting_paint = FALSE;
      run.measuring = FALSE;
      report ("paint-ms", (g_get_monotonic_time () - run.changed_at) / 1000.0);
      g_idle_add_once (type_next_cb, NULL);
    }
}

static void
library_complete_cb (UpstanderLibrary *library)
{
  if (!upstander_library_get_complete (library) || run.complete)
    return;

  run.complete = TRUE;
  /* The catalogue fills in now: its next frame is the one to wait for. */
  gtk_widget_queue_draw (GTK_WIDGET (run.window));
}

static void
window_map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static gboolean
window_added_cb (GSignalInvocationHint *hint,
                 guint                  n_values,
                 const GValue          *values,
                 gpointer               data)
{
  run.app = g_value_get_object (&values[0]);
  run.window = g_value_get_object (&values[1]);
  g_signal_connect (run.window, "map", G_CALLBACK (window_map_cb), NULL);

  if (UPSTANDER_IS_APPLICATION (run.app))
    {
      UpstanderLibrary *library = upstander_application_get_library (UPSTANDER_APPLICATION (run.app));

      g_signal_connect (library, "notify::complete", G_CALLBACK (library_complete_cb), NULL);
      library_complete_cb (library);
    }

  /* The first window only. */
  return FALSE;
}

static void
filter_done (void)
{
  run.waiting_filter = FALSE;
  report ("filter-ms", (g_get_monotonic_time () - run.changed_at) / 1000.0);
  report ("matches", g_list_model_get_n_items (G_LIST_MODEL (run.filtered)));
  run.waiting_paint = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (run.window));
}

static gboolean
search_changed_hook_cb (GSignalInvocationHint *hint,
                        guint                  n_values,
                        const GValue          *values,
                        gpointer               data)
{
  /* Emission hooks run before any handler: this is the change itself. */
  if (run.measuring && !run.waiting_filter && !run.waiting_paint &&
      g_value_get_object (&values[0]) == (gpointer) run.entry)
    {
      run.changed_at = g_get_monotonic_time ();
      run.waiting_filter = TRUE;
    }

  return TRUE;
}

static void
search_changed_after_cb (GtkSearchEntry *entry)
{
  /* Every handler of the window has run; an incremental filter may still be busy. */
  if (run.waiting_filter && gtk_filter_list_model_get_pending (run.filtered) == 0)
    filter_done ();
}

static void
pending_cb (GtkFilterListModel *filtered)
{
  if (run.waiting_filter && gtk_filter_list_model_get_pending (filtered) == 0)
    filter_done ();
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_widget (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* The catalogue's filter model, under however many wrapping models. */
static GtkFilterListModel *
find_filter_model (GListModel *model)
{
  while (model != NULL && !GTK_IS_FILTER_LIST_MODEL (model))
    {
      if (GTK_IS_NO_SELECTION (model))
        model = gtk_no_selection_get_model (GTK_NO_SELECTION (model));
      else if (GTK_IS_SINGLE_SELECTION (model))
        model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
      else if (GTK_IS_SORT_LIST_MODEL (model))
        model = gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (model));
      else if (GTK_IS_SLICE_LIST_MODEL (model))
        model = gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (model));
      else
        g_error ("the catalogue's model %s wraps no GtkFilterListModel", G_OBJECT_TYPE_NAME (model));
    }

  return GTK_FILTER_LIST_MODEL (model);
}

static void
type_next_cb (gpointer data)
{
  const char *query;
  int position;

  if (run.entry == NULL)
    {
      run.entry = GTK_EDITABLE (find_widget (GTK_WIDGET (run.window), GTK_TYPE_SEARCH_ENTRY));
      if (run.entry == NULL)
        g_error ("the window has no search entry");
      run.filtered = find_filter_model (upstander_window_get_stories (UPSTANDER_WINDOW (run.window)));
      g_signal_add_emission_hook (g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY), 0,
                                  search_changed_hook_cb, NULL, NULL);
      g_signal_connect_after (run.entry, "search-changed", G_CALLBACK (search_changed_after_cb), NULL);
      g_signal_connect (run.filtered, "notify::pending", G_CALLBACK (pending_cb), NULL);
    }

  query = search_queries[run.query];
  if (query == NULL)
    finish ();

  if (query[run.typed] == '\0')
    {
      /* The next query starts from an empty entry; clearing is not measured. */
      run.query++;
      run.typed = 0;
      gtk_editable_set_text (run.entry, "");
      g_idle_add_once (type_next_cb, NULL);
      return;
    }

  /* One keystroke: a character at the end, as typing does. */
  position = (int) g_utf8_strlen (gtk_editable_get_text (run.entry), -1);
  gtk_editable_insert_text (run.entry, query + run.typed, 1, &position);
  gtk_editable_set_position (run.entry, position);
  run.typed++;
  run.measuring = TRUE;
}

static void
empty_activate_cb (GtkApplication *app)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = adw_application_window_new (app);

  /* The app's window opens at this size: draw the same number of pixels. */
  gtk_window_set_default_size (GTK_WINDOW (window),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_window (gboolean app,
            gboolean search,
            gboolean returning)
{
  char *argv[] = { (char *) g_get_prgname (), NULL };

  run.search = search;

  /* The language was chosen; a returning reader said who is reading too,
   * so nothing is asked. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "language", "");
    if (returning)
      g_settings_set_string (settings, "reader", "adult");
  }

  g_type_class_ref (GTK_TYPE_APPLICATION);
  g_signal_add_emission_hook (g_signal_lookup ("window-added", GTK_TYPE_APPLICATION), 0,
                              window_added_cb, NULL, NULL);

  if (app)
    return upstander_application_main (1, argv);

  {
    g_autoptr(AdwApplication) empty = NULL;

    setlocale (LC_ALL, "");
    /* Unique, like the app: both register a name on the session bus. */
    empty = adw_application_new ("io.github.upstander.BenchEmpty", G_APPLICATION_DEFAULT_FLAGS);
    g_signal_connect (empty, "activate", G_CALLBACK (empty_activate_cb), NULL);

    return g_application_run (G_APPLICATION (empty), 1, argv);
  }
}

static void
add_xml_files (GPtrArray  *paths,
               const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (folder == NULL)
    g_error ("cannot open %s", dir);

  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (dir, g_ptr_array_index (names, i), NULL));
}

static void
report_work (double cpu_start,
             double hwm_start,
             double input_bytes)
{
  report ("cpu-us", cpu_us_of (RUSAGE_SELF) - cpu_start);
  report ("hwm-start-kib", hwm_start);
  report ("hwm-kib", status_kib ("VmHWM:"));
  report ("input-kib", input_bytes / 1024.0);
}

static int
run_parse (char **dirs)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) builtin = NULL;
  int options = PARSE_OPTIONS;
  guint first = 0;

  for (; dirs[first] != NULL && g_str_has_prefix (dirs[first], "--"); first++)
    {
      if (g_str_equal (dirs[first], "--core"))
        builtin = g_resources_enumerate_children (UPSTANDER_BUNDLES_RESOURCE, 0, NULL);
      else if (g_str_equal (dirs[first], "--xmllint"))
        options = XMLLINT_OPTIONS;
      else
        g_error ("parse: unknown option %s", dirs[first]);
    }

  for (guint i = first; dirs[i] != NULL; i++)
    add_xml_files (paths, dirs[i]);

  double cpu_start, hwm_start, input_bytes = 0;

  xmlInitParser ();
  hwm_start = status_kib ("VmHWM:");
  cpu_start = cpu_us_of (RUSAGE_SELF);

  /* The built-in bundles, as --list reads them too. */
  for (guint i = 0; builtin != NULL && builtin[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", UPSTANDER_BUNDLES_RESOURCE, builtin[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      xmlDoc *doc = xmlReadMemory (data, (int) size, builtin[i], NULL, options);

      if (doc == NULL)
        g_error ("libxml2 cannot parse the built-in %s", builtin[i]);
      xmlFreeDoc (doc);
      input_bytes += size;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *data = NULL;
      gsize size;
      xmlDoc *doc;

      if (!g_file_get_contents (path, &data, &size, NULL))
        g_error ("cannot read %s", path);
      doc = xmlReadMemory (data, (int) size, path, NULL, options);
      if (doc == NULL)
        g_error ("libxml2 cannot parse %s", path);
      xmlFreeDoc (doc);
      input_bytes += size;
    }

  report_work (cpu_start, hwm_start, input_bytes);
  report ("files", paths->len + (builtin != NULL ? g_strv_length (builtin) : 0));
  finish ();
}

static int
run_load (char **dirs)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(UpstanderLibrary) library = NULL;
  double cpu_start, hwm_start, input_bytes = 0;

  for (guint i = 0; dirs[i] != NULL; i++)
    add_xml_files (paths, dirs[i]);
  for (guint i = 0; i < paths->len; i++)
    {
      GStatBuf buf;

      if (g_stat (g_ptr_array_index (paths, i), &buf) == 0)
        input_bytes += buf.st_size;
    }

  xmlInitParser ();
  hwm_start = status_kib ("VmHWM:");
  cpu_start = cpu_us_of (RUSAGE_SELF);

  library = upstander_library_new_for_sources (NULL, (const char * const *) dirs);
  upstander_library_load (library);

  report_work (cpu_start, hwm_start, input_bytes);
  report ("stories", g_list_model_get_n_items (G_LIST_MODEL (library)));
  report ("diagnostics", upstander_library_get_diagnostics (library)->len);
  finish ();
}

static gboolean
give_up_cb (gpointer data)
{
  g_error ("no measurement after 120 s");

  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_set_prgname (argv[0]);

  if (argc >= 3 && g_str_equal (argv[1], "window"))
    {
      g_timeout_add_seconds (120, give_up_cb, NULL);
      return run_window (g_str_equal (argv[2], "app"), FALSE,
                         argc >= 4 && g_str_equal (argv[3], "returning"));
    }
  if (argc >= 2 && g_str_equal (argv[1], "search"))
    {
      g_timeout_add_seconds (120, give_up_cb, NULL);
      return run_window (TRUE, TRUE, TRUE);
    }
  if (argc >= 3 && g_str_equal (argv[1], "load"))
    return run_load (argv + 2);
  if (argc >= 3 && g_str_equal (argv[1], "parse"))
    return run_parse (argv + 2);

  g_printerr ("usage: %s window app|empty [returning] | search | load DIR... | parse [--core] DIR...\n", argv[0]);
  return 2;
}

/* upstander-library.c: every scenario of every bundle found, as a GListModel
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-library.h"
#include "upstander-bundle-private.h"

#include <libxml/parser.h>

/*
 * Bundles come from the app's resources, then $XDG_DATA_DIRS/upstander/bundles,
 * then $XDG_DATA_HOME/upstander/bundles. They are read in a worker thread so
 * the first frame never waits: the built-in bundles first, published at once,
 * then the installed ones, each against a deadline.
 *
 * Which bundle is used when ids meet:
 * - a built-in bundle's id is reserved: an installed bundle with it is refused
 *   (an error naming the file), whatever its version;
 * - among installed bundles (and among built-in ones), the higher version
 *   wins; on a tie, the one found first: system folders in $XDG_DATA_DIRS
 *   order, then the user's folder, and within a folder by file name. The one
 *   not used is named in a warning.
 */

/* How long one installed bundle may take to load before it is skipped: the
 * largest valid bundle takes a third of a second here, so this leaves room
 * for a slow school computer, not for a bundle built to stall. */
#define DEFAULT_BUNDLE_TIMEOUT_USEC (5 * G_USEC_PER_SEC)

struct _UpstanderLibrary
{
  GObject parent_instance;

  char       *resource_dir;   /* nullable */
  GStrv       dirs;           /* read by the next load; a load under way reads its own copy */
  char       *user_dir;       /* nullable: the user's own folder, for upstander_library_set_user_bundles() */
  gboolean    user_bundles;   /* whether @dirs has @user_dir */
  GStrv       languages;      /* nullable: the system's */
  gint64      bundle_timeout_usec;

  GPtrArray  *bundles;        /* UpstanderBundle */
  GHashTable *bundles_by_id;  /* id → UpstanderBundle in bundles */
  GHashTable *builtin_ids;    /* ids of the built-in bundles: reserved */
  GPtrArray  *scenarios;      /* UpstanderScenario, the model's items */
  GPtrArray  *diagnostics;    /* UpstanderDiagnostic, from every bundle read */
  guint       n_failed;
  gboolean    loaded;         /* the built-in bundles are in */
  gboolean    complete;       /* the installed ones too */
  gboolean    loading;
  gboolean    reload_pending; /* asked to read everything again while a load ran */
};

typedef struct
{
  GPtrArray *bundles;
  GPtrArray *diagnostics;
  guint      n_failed;
} LoadResult;

enum {
  PROP_0,
  PROP_LOADED,
  PROP_COMPLETE,
  PROP_N_ITEMS,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UpstanderLibrary, upstander_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties [N_PROPS];

static LoadResult *
load_result_new (void)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->bundles = g_ptr_array_new_with_free_func (g_object_unref);
  result->diagnostics = upstander_diagnostics_new ();

  return result;
}

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_pointer (&result->bundles, g_ptr_array_unref);
  g_clear_pointer (&result->diagnostics, g_ptr_array_unref);
  g_free (result);
}

static GType
list_model_get_item_type (GListModel *model)
{
  return UPSTANDER_TYPE_SCENARIO;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return UPSTANDER_LIBRARY (model)->scenarios->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  UpstanderLibrary *self = UPSTANDER_LIBRARY (model);

  if (position >= self->scenarios->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->scenarios, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
upstander_library_finalize (GObject *object)
{
  UpstanderLibrary *self = (UpstanderLibrary *)object;

  g_clear_pointer (&self->resource_dir, g_free);
  g_clear_pointer (&self->dirs, g_strfreev);
  g_clear_pointer (&self->user_dir, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->bundles_by_id, g_hash_table_unref);
  g_clear_pointer (&self->builtin_ids, g_hash_table_unref);
  g_clear_pointer (&self->bundles, g_ptr_array_unref);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);

  G_OBJECT_CLASS (upstander_library_parent_class)->finalize (object);
}

static void
upstander_library_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UpstanderLibrary *self = UPSTANDER_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->scenarios->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_library_class_init (UpstanderLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upstander_library_finalize;
  object_class->get_property = upstander_library_get_property;

  properties [PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* "loaded" turns TRUE when the built-in bundles are in, and is notified
   * again when the installed ones have arrived; then "complete" is TRUE. */
  properties [PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_library_init (UpstanderLibrary *self)
{
  self->bundles = g_ptr_array_new_with_free_func (g_object_unref);
  self->bundles_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->builtin_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bundle_timeout_usec = DEFAULT_BUNDLE_TIMEOUT_USEC;
  self->scenarios = g_ptr_array_new_with_free_func (g_object_unref);
  self->diagnostics = upstander_diagnostics_new ();
}

/**
 * upstander_library_new_for_sources:
 * @resource_dir: (nullable): a resource folder of bundles, or %NULL for none
 * @dirs: (nullable): folders of bundles, in order of priority
 *
 * A library that reads only the given sources; for tests and tools.
 */
UpstanderLibrary *
upstander_library_new_for_sources (const char         *resource_dir,
                                   const char * const *dirs)
{
  UpstanderLibrary *self = g_object_new (UPSTANDER_TYPE_LIBRARY, NULL);

  self->resource_dir = g_strdup (resource_dir);
  self->dirs = g_strdupv ((char **) dirs);

  return self;
}

/* The folders installed bundles are read from, the most important first. */
static GStrv
dup_installed_dirs (const char *user_dir,
                    gboolean    user_bundles)
{
  const char * const *system_dirs = g_get_system_data_dirs ();
  g_autoptr(GStrvBuilder) dirs = g_strv_builder_new ();

  /* $XDG_DATA_DIRS lists the most important first; let those win ties. */
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (system_dirs[i], "upstander", "bundles", NULL);

      g_strv_builder_add (dirs, dir);
    }
  if (user_bundles)
    g_strv_builder_add (dirs, user_dir);

  return g_strv_builder_end (dirs);
}

/* A library over the app's own bundles and those installed for it. */
UpstanderLibrary *
upstander_library_new (void)
{
  return upstander_library_new_full (TRUE);
}

/**
 * upstander_library_new_full:
 * @user_bundles: whether to read the user's own folder of bundles
 *   ($XDG_DATA_HOME/upstander/bundles) as well: an administrator can turn it off
 *
 * A library over the app's own bundles, those installed for the whole
 * computer, and, if @user_bundles, the user's own.
 */
UpstanderLibrary *
upstander_library_new_full (gboolean user_bundles)
{
  UpstanderLibrary *self = upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE, NULL);

  self->user_dir = g_build_filename (g_get_user_data_dir (), "upstander", "bundles", NULL);
  self->user_bundles = !!user_bundles;
  self->dirs = dup_installed_dirs (self->user_dir, self->user_bundles);

  return self;
}

/**
 * upstander_library_set_user_bundles:
 * @user_bundles: whether to read the user's own folder of bundles
 *
 * For a library of upstander_library_new_full(), whose user's folder an
 * administrator can turn off and on while the app runs: a library that was
 * read already reads everything again, with that folder's stories or
 * without; one not read yet reads the folders as they are when it is. A
 * library made for given sources has no user's folder: nothing changes.
 */
void
upstander_library_set_user_bundles (UpstanderLibrary *self,
                                    gboolean          user_bundles)
{
  g_return_if_fail (UPSTANDER_IS_LIBRARY (self));

  user_bundles = !!user_bundles;
  if (self->user_dir == NULL || self->user_bundles == user_bundles)
    return;

  self->user_bundles = user_bundles;
  g_strfreev (self->dirs);
  self->dirs = dup_installed_dirs (self->user_dir, user_bundles);
  if (self->loaded || self->loading)
    upstander_library_reload (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
load_one (LoadResult      *result,
          UpstanderBundle *bundle)
{
  if (bundle == NULL)
    {
      result->n_failed++;
      return;
    }

  g_ptr_array_add (result->bundles, bundle);
}

static LoadResult *
load_resource_dir (const char *resource_dir)
{
  LoadResult *result = load_result_new ();
  g_auto(GStrv) names = NULL;

  if (resource_dir == NULL)
    return result;

  names = g_resources_enumerate_children (resource_dir, 0, NULL);
  if (names == NULL)
    return result;

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (names[i], ".xml"))
        continue;

      path = g_build_path ("/", resource_dir, names[i], NULL);
      load_one (result, upstander_bundle_load_resource (path, result->diagnostics, NULL));
    }

  return result;
}

/* The bundle files of @dir, sorted by name; appended to @paths. */
static void
list_dir (GPtrArray    *paths,
          const char   *dir,
          GCancellable *cancellable)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

  /* The type is only a hint here: the loader checks what it opens. */
  children = g_file_enumerate_children (folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (children == NULL)
    return;

  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".xml") && name[0] != '.' &&
          g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (dir, g_ptr_array_index (names, i), NULL));
}

/* One installed bundle, loaded by a worker of the pool. */
typedef struct
{
  const char      *path;
  gint64           timeout_usec;
  GCancellable    *cancellable;
  UpstanderBundle *bundle;
  GPtrArray       *diagnostics;
} Slot;

static void
load_slot (Slot *slot)
{
  g_autoptr(GFile) file = g_file_new_for_path (slot->path);
  gint64 deadline = slot->timeout_usec > 0 ? g_get_monotonic_time () + slot->timeout_usec : 0;

  slot->diagnostics = upstander_diagnostics_new ();
  if (g_cancellable_is_cancelled (slot->cancellable))
    return;

  slot->bundle = _upstander_bundle_load_file_until (file, deadline, slot->diagnostics, NULL);
}

typedef struct
{
  Slot          *slots;
  guint          n_slots;
  volatile gint  next;
} Work;

/* Each worker takes the next slot until none is left. */
static gpointer
load_worker (gpointer data)
{
  Work *work = data;
  guint index;

  while ((index = (guint) g_atomic_int_add (&work->next, 1)) < work->n_slots)
    load_slot (&work->slots[index]);

  return NULL;
}

/*
 * Reads every installed bundle, several at once (a folder may hold
 * thousands), and gathers them in the order they were found, so that which
 * bundle wins a tie does not depend on which thread was quicker.
 */
static LoadResult *
load_dirs (const char * const *dirs,
           gint64              timeout_usec,
           GCancellable       *cancellable)
{
  LoadResult *result = load_result_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree Slot *slots = NULL;
  guint n_threads = CLAMP (g_get_num_processors (), 1, 4);

  for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
    list_dir (paths, dirs[i], cancellable);

  slots = g_new0 (Slot, MAX (paths->len, 1));
  for (guint i = 0; i < paths->len; i++)
    slots[i] = (Slot) { g_ptr_array_index (paths, i), timeout_usec, cancellable, NULL, NULL };

  {
    Work work = { slots, paths->len, 0 };
    GThread *threads[4] = { NULL };

    /* Before any worker: libxml2's own set-up is not safe to race. Plain
     * threads, not a GThreadPool: a pool's threads come from a spawner
     * thread that a forked child (as in the tests) does not have. */
    xmlInitParser ();
    for (guint i = 1; i < n_threads && i < paths->len; i++)
      threads[i] = g_thread_new ("upstander-load", load_worker, &work);
    load_worker (&work);
    for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
      g_clear_pointer (&threads[i], g_thread_join);
  }

  for (guint i = 0; i < paths->len; i++)
    {
      g_ptr_array_extend_and_steal (result->diagnostics, g_steal_pointer (&slots[i].diagnostics));
      load_one (result, g_steal_pointer (&slots[i].bundle));
    }

  return result;
}

static void
load_builtin_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  UpstanderLibrary *self = source_object;

  /* Only immutable fields are read here: they are set before loading. */
  g_task_return_pointer (task, load_resource_dir (self->resource_dir), load_result_free);
}

static void
load_installed_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  UpstanderLibrary *self = source_object;
  const char * const *dirs = task_data;

  /* The folders as they were when this load began: the main thread may
   * change self->dirs meanwhile (upstander_library_set_user_bundles()). */
  g_task_return_pointer (task,
                         load_dirs (dirs, self->bundle_timeout_usec, cancellable),
                         load_result_free);
}

static void
add_diagnostic (UpstanderLibrary  *self,
                const char        *file,
                UpstanderSeverity  severity,
                const char        *message)
{
  g_ptr_array_add (self->diagnostics, upstander_diagnostic_new (file, 0, 0, severity, message));
}

/*
 * Chooses between two bundles with the same id: the higher version, else the
 * one found first (@kept). Says which one is not used and why. Returns the
 * winner.
 */
static UpstanderBundle *
resolve_same_id (UpstanderLibrary *self,
                 UpstanderBundle  *kept,
                 UpstanderBundle  *other)
{
  UpstanderBundle *winner = upstander_bundle_get_version (other) > upstander_bundle_get_version (kept)
                            ? other : kept;
  UpstanderBundle *loser = winner == kept ? other : kept;
  g_autofree char *winner_name = upstander_diagnostic_escape_name (upstander_bundle_get_source (winner));
  g_autofree char *message = NULL;

  message = g_strdup_printf ("not used: %s has the same bundle id “%s” with %s version (%u, this is %u)",
                             winner_name, upstander_bundle_get_id (winner),
                             upstander_bundle_get_version (winner) > upstander_bundle_get_version (loser)
                             ? "a higher" : "the same, and was found first:",
                             upstander_bundle_get_version (winner),
                             upstander_bundle_get_version (loser));
  add_diagnostic (self, upstander_bundle_get_source (loser), UPSTANDER_SEVERITY_WARNING, message);

  return winner;
}

/* Adds the bundles of @result, in order, resolving ids; returns how many scenarios it added. */
static guint
add_bundles (UpstanderLibrary *self,
             LoadResult       *result,
             gboolean          builtin)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  guint n_scenarios = 0;

  g_ptr_array_extend_and_steal (self->diagnostics, g_steal_pointer (&result->diagnostics));
  result->diagnostics = upstander_diagnostics_new ();
  self->n_failed += result->n_failed;

  for (guint i = 0; i < result->bundles->len; i++)
    {
      UpstanderBundle *bundle = g_ptr_array_index (result->bundles, i);
      const char *id = upstander_bundle_get_id (bundle);
      UpstanderBundle *existing = g_hash_table_lookup (self->bundles_by_id, id);

      if (!builtin && g_hash_table_contains (self->builtin_ids, id))
        {
          g_autofree char *message =
            g_strdup_printf ("not loaded: the bundle id “%s” belongs to a bundle built into "
                             "Upstander, which no other bundle may replace; give this bundle an "
                             "id of its own", id);

          add_diagnostic (self, upstander_bundle_get_source (bundle), UPSTANDER_SEVERITY_ERROR, message);
          self->n_failed++;
          continue;
        }

      if (existing == NULL)
        {
          g_ptr_array_add (added, bundle);
          g_hash_table_insert (self->bundles_by_id, (gpointer) id, bundle);
          continue;
        }

      if (resolve_same_id (self, existing, bundle) == bundle)
        {
          guint at = 0;

          /* Only a bundle of this same batch can be replaced (a built-in id
           * is refused above): its scenarios are not published yet. */
          if (!g_ptr_array_find (added, existing, &at))
            g_assert_not_reached ();
          g_ptr_array_index (added, at) = bundle;
          /* Replace, not insert: insert keeps the old key, the id string of
           * the bundle that lost, which is freed with it. */
          g_hash_table_replace (self->bundles_by_id, (gpointer) id, bundle);
        }
    }

  for (guint i = 0; i < added->len; i++)
    {
      UpstanderBundle *bundle = g_ptr_array_index (added, i);
      GPtrArray *scenarios = upstander_bundle_get_scenarios (bundle);

      if (builtin)
        g_hash_table_add (self->builtin_ids, g_strdup (upstander_bundle_get_id (bundle)));

      g_ptr_array_add (self->bundles, g_object_ref (bundle));
      upstander_bundle_set_languages (bundle, (const char * const *) self->languages);
      for (guint s = 0; s < scenarios->len; s++)
        g_ptr_array_add (self->scenarios, g_object_ref (g_ptr_array_index (scenarios, s)));
      n_scenarios += scenarios->len;
    }

  return n_scenarios;
}

/* On the main thread: starts again from the built-in bundles, and publishes them. */
static void
apply_builtin (UpstanderLibrary *self,
               LoadResult       *result)
{
  guint old_n_items = self->scenarios->len;

  g_ptr_array_set_size (self->scenarios, 0);
  g_hash_table_remove_all (self->bundles_by_id);
  g_hash_table_remove_all (self->builtin_ids);
  g_ptr_array_set_size (self->bundles, 0);
  g_ptr_array_set_size (self->diagnostics, 0);
  self->n_failed = 0;
  self->complete = FALSE;

  add_bundles (self, result, TRUE);

  self->loaded = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->scenarios->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
}

/* On the main thread: adds the installed bundles after the built-in ones. */
static void
apply_installed (UpstanderLibrary *self,
                 LoadResult       *result)
{
  guint position = self->scenarios->len;
  guint n_added = add_bundles (self, result, FALSE);

  self->complete = TRUE;
  if (n_added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n_added);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
    }
  /* Views refresh what they show of every bundle (topics, help) on it. */
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPLETE]);
}

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  upstander_library_load_finish (UPSTANDER_LIBRARY (object), result, NULL);
}

/* A reload asked for while a load ran starts once it is over (unless its callback started one). */
static void
start_pending_reload (UpstanderLibrary *self)
{
  if (!self->reload_pending || self->loading)
    return;

  self->reload_pending = FALSE;
  upstander_library_load_async (self, NULL, reload_done_cb, NULL);
}

static void
installed_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  UpstanderLibrary *self = UPSTANDER_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  LoadResult *loaded;
  GError *error = NULL;

  self->loading = FALSE;
  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL)
    {
      g_task_return_error (task, error);
      start_pending_reload (self);
      return;
    }

  apply_installed (self, loaded);
  load_result_free (loaded);
  g_task_return_boolean (task, TRUE);
  start_pending_reload (self);
}

static void
builtin_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  UpstanderLibrary *self = UPSTANDER_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) worker = NULL;
  GCancellable *cancellable;
  LoadResult *loaded;
  GError *error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL)
    {
      self->loading = FALSE;
      g_task_return_error (task, error);
      start_pending_reload (self);
      return;
    }

  apply_builtin (self, loaded);
  load_result_free (loaded);

  cancellable = g_task_get_cancellable (task);
  worker = g_task_new (self, cancellable, installed_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, g_strdupv (self->dirs), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (worker, load_installed_thread);
}

/**
 * upstander_library_load_async:
 *
 * Reads the built-in bundles in a worker thread and publishes them (the
 * model's items and #UpstanderLibrary:loaded), then reads the installed
 * bundles, each within its deadline, and adds them after. The task
 * completes when both are in.
 */
void
upstander_library_load_async (UpstanderLibrary    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;

  g_return_if_fail (UPSTANDER_IS_LIBRARY (self));
  g_return_if_fail (!self->loading);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, upstander_library_load_async);

  self->loading = TRUE;
  worker = g_task_new (self, cancellable, builtin_done_cb, task);
  g_task_run_in_thread (worker, load_builtin_thread);
}

/**
 * upstander_library_reload:
 *
 * Reads every bundle again, as upstander_library_load_async() does: now,
 * or, while a load is under way, once it is over (then that load's own
 * folders may be out of date). For a change to the bundles or to the
 * folders read, while the app runs.
 */
void
upstander_library_reload (UpstanderLibrary *self)
{
  g_return_if_fail (UPSTANDER_IS_LIBRARY (self));

  self->reload_pending = TRUE;
  start_pending_reload (self);
}

gboolean
upstander_library_load_finish (UpstanderLibrary  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reads every bundle now, on this thread: for the command line. */
void
upstander_library_load (UpstanderLibrary *self)
{
  LoadResult *result;

  g_return_if_fail (UPSTANDER_IS_LIBRARY (self));
  g_return_if_fail (!self->loading);

  result = load_resource_dir (self->resource_dir);
  apply_builtin (self, result);
  load_result_free (result);

  result = load_dirs ((const char * const *) self->dirs, self->bundle_timeout_usec, NULL);
  apply_installed (self, result);
  load_result_free (result);
}

/**
 * upstander_library_set_bundle_timeout:
 * @timeout_usec: how long one installed bundle may take to load, or 0 for
 *   no limit
 *
 * A bundle that takes longer is skipped and reported as a problem. Set it
 * before loading.
 */
void
upstander_library_set_bundle_timeout (UpstanderLibrary *self,
                                      gint64            timeout_usec)
{
  g_return_if_fail (UPSTANDER_IS_LIBRARY (self));
  g_return_if_fail (!self->loading);
  g_return_if_fail (timeout_usec >= 0);

  self->bundle_timeout_usec = timeout_usec;
}

gboolean
upstander_library_get_complete (UpstanderLibrary *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), FALSE);

  return self->complete;
}

gboolean
upstander_library_get_loaded (UpstanderLibrary *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), FALSE);

  return self->loaded;
}

GPtrArray *
upstander_library_get_bundles (UpstanderLibrary *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), NULL);

  return self->bundles;
}

/* Every problem found in every bundle read, loaded or not. */
GPtrArray *
upstander_library_get_diagnostics (UpstanderLibrary *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), NULL);

  return self->diagnostics;
}

/* How many bundle files could not be loaded. */
guint
upstander_library_get_n_failed (UpstanderLibrary *self)
{
  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), 0);

  return self->n_failed;
}

void
upstander_library_set_languages (UpstanderLibrary   *self,
                                 const char * const *languages)
{
  g_return_if_fail (UPSTANDER_IS_LIBRARY (self));

  g_strfreev (self->languages);
  self->languages = g_strdupv ((char **) languages);

  for (guint i = 0; i < self->bundles->len; i++)
    upstander_bundle_set_languages (g_ptr_array_index (self->bundles, i), languages);
}

UpstanderScenario *
upstander_library_lookup_scenario (UpstanderLibrary *self,
                                   const char       *bundle_id,
                                   const char       *scenario_id)
{
  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (scenario_id != NULL, NULL);

  if (bundle_id != NULL)
    {
      UpstanderBundle *bundle = g_hash_table_lookup (self->bundles_by_id, bundle_id);

      return bundle != NULL ? upstander_bundle_lookup_scenario (bundle, scenario_id) : NULL;
    }

  for (guint i = 0; i < self->bundles->len; i++)
    {
      UpstanderScenario *scenario = upstander_bundle_lookup_scenario (g_ptr_array_index (self->bundles, i),
                                                                      scenario_id);
      if (scenario != NULL)
        return scenario;
    }

  return NULL;
}

static gboolean
help_covers (const UpstanderHelp *help,
             const char          *region)
{
  return region != NULL && g_strv_contains ((const char * const *) help->regions, region);
}

/**
 * upstander_library_bundle_is_builtin:
 *
 * Returns: whether @bundle is one of the app's own, read from its resources;
 *   an installed bundle never is, since a built-in id is reserved
 */
gboolean
upstander_library_bundle_is_builtin (UpstanderLibrary *self,
                                     UpstanderBundle  *bundle)
{
  const char *id;

  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (UPSTANDER_IS_BUNDLE (bundle), FALSE);

  id = upstander_bundle_get_id (bundle);

  return g_hash_table_contains (self->builtin_ids, id) &&
         g_hash_table_lookup (self->bundles_by_id, id) == bundle;
}

/**
 * upstander_library_lookup_help_bundle:
 * @help: an entry returned by upstander_library_dup_help()
 *
 * Returns: (transfer none) (nullable): the bundle @help comes from, to say
 *   who added a contact that is not built in
 */
UpstanderBundle *
upstander_library_lookup_help_bundle (UpstanderLibrary    *self,
                                      const UpstanderHelp *help)
{
  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), NULL);

  for (guint b = 0; b < self->bundles->len; b++)
    {
      UpstanderBundle *bundle = g_ptr_array_index (self->bundles, b);

      if (g_ptr_array_find (upstander_bundle_get_help (bundle), help, NULL))
        return bundle;
    }

  return NULL;
}

/**
 * upstander_library_dup_help:
 * @region: (nullable): an ISO 3166-1 alpha-2 code
 * @has_regional: (out) (optional): whether any bundle has help for @region itself
 *
 * Returns: (transfer container) (element-type UpstanderHelp): the help for
 *   @region first, then the help for every region; within each, the
 *   built-in bundles' help before any installed bundle's (they come first in
 *   the library, and no installed bundle can take a built-in id)
 */
GPtrArray *
upstander_library_dup_help (UpstanderLibrary *self,
                            const char       *region,
                            gboolean         *has_regional)
{
  GPtrArray *regional = g_ptr_array_new ();
  g_autoptr(GPtrArray) general = g_ptr_array_new ();

  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), regional);

  for (guint b = 0; b < self->bundles->len; b++)
    {
      GPtrArray *help = upstander_bundle_get_help (g_ptr_array_index (self->bundles, b));

      for (guint i = 0; i < help->len; i++)
        {
          UpstanderHelp *entry = g_ptr_array_index (help, i);

          if (help_covers (entry, region))
            g_ptr_array_add (regional, entry);
          else if (help_covers (entry, "all"))
            g_ptr_array_add (general, entry);
        }
    }

  if (has_regional != NULL)
    *has_regional = regional->len > 0;

  g_ptr_array_extend (regional, general, NULL, NULL);

  return regional;
}

/**
 * upstander_library_dup_topics:
 *
 * Returns: (transfer container) (element-type UpstanderTopic): each topic id
 *   once, as the first bundle to declare it names it
 */
GPtrArray *
upstander_library_dup_topics (UpstanderLibrary *self)
{
  GPtrArray *topics = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), topics);

  for (guint b = 0; b < self->bundles->len; b++)
    {
      GPtrArray *bundle_topics = upstander_bundle_get_topics (g_ptr_array_index (self->bundles, b));

      for (guint i = 0; i < bundle_topics->len; i++)
        {
          UpstanderTopic *topic = g_ptr_array_index (bundle_topics, i);

          if (g_hash_table_add (seen, topic->id))
            g_ptr_array_add (topics, topic);
        }
    }

  return topics;
}

/* The first guide with @guide_id in any bundle, and the bundle that holds it. */
const UpstanderGuide *
upstander_library_lookup_guide (UpstanderLibrary  *self,
                                const char        *guide_id,
                                UpstanderBundle  **bundle)
{
  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (guide_id != NULL, NULL);

  for (guint b = 0; b < self->bundles->len; b++)
    {
      const UpstanderGuide *guide = upstander_bundle_lookup_guide (g_ptr_array_index (self->bundles, b),
                                                                   guide_id);

      if (guide != NULL)
        {
          if (bundle != NULL)
            *bundle = g_ptr_array_index (self->bundles, b);
          return guide;
        }
    }

  return NULL;
}

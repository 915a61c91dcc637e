/* upstander-library.c: every scenario of every bundle found, as a GListModel */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-library.h"

/*
 * Bundles come from the app's resources, then $XDG_DATA_DIRS/upstander/bundles,
 * then $XDG_DATA_HOME/upstander/bundles. They are read in a worker thread so
 * the first frame never waits; the model fills in when they are all read.
 * For the same bundle id the higher version wins, the earlier source on a tie.
 */

struct _UpstanderLibrary
{
  GObject parent_instance;

  char       *resource_dir;   /* nullable */
  GStrv       dirs;
  GStrv       languages;      /* nullable: the system's */

  GPtrArray  *bundles;        /* UpstanderBundle */
  GPtrArray  *scenarios;      /* UpstanderScenario, the model's items */
  GPtrArray  *diagnostics;    /* UpstanderDiagnostic, from every bundle read */
  guint       n_failed;
  gboolean    loaded;
  gboolean    loading;
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
  PROP_N_ITEMS,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UpstanderLibrary, upstander_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties [N_PROPS];

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
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
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
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_library_init (UpstanderLibrary *self)
{
  self->bundles = g_ptr_array_new_with_free_func (g_object_unref);
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

/* A library over the app's own bundles and those installed for it. */
UpstanderLibrary *
upstander_library_new (void)
{
  const char * const *system_dirs = g_get_system_data_dirs ();
  g_autoptr(GStrvBuilder) dirs = g_strv_builder_new ();
  g_auto(GStrv) dir_list = NULL;
  g_autofree char *user_dir = NULL;

  /* $XDG_DATA_DIRS lists the most important first; let those win ties. */
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (system_dirs[i], "upstander", "bundles", NULL);

      g_strv_builder_add (dirs, dir);
    }
  user_dir = g_build_filename (g_get_user_data_dir (), "upstander", "bundles", NULL);
  g_strv_builder_add (dirs, user_dir);
  dir_list = g_strv_builder_end (dirs);

  return upstander_library_new_for_sources (UPSTANDER_BUNDLES_RESOURCE,
                                            (const char * const *) dir_list);
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

static void
load_resource_dir (LoadResult   *result,
                   const char   *resource_dir)
{
  g_auto(GStrv) names = g_resources_enumerate_children (resource_dir, 0, NULL);

  if (names == NULL)
    return;

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (names[i], ".xml"))
        continue;

      path = g_build_path ("/", resource_dir, names[i], NULL);
      load_one (result, upstander_bundle_load_resource (path, result->diagnostics, NULL));
    }
}

static void
load_dir (LoadResult   *result,
          const char   *dir,
          GCancellable *cancellable)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GFileInfo *info;

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
    {
      g_autoptr(GFile) file = g_file_get_child (folder, g_ptr_array_index (names, i));

      load_one (result, upstander_bundle_load_file (file, cancellable, result->diagnostics, NULL));
    }
}

static LoadResult *
load_all (const char         *resource_dir,
          const char * const *dirs,
          GCancellable       *cancellable)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->bundles = g_ptr_array_new_with_free_func (g_object_unref);
  result->diagnostics = upstander_diagnostics_new ();

  if (resource_dir != NULL)
    load_resource_dir (result, resource_dir);
  for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
    load_dir (result, dirs[i], cancellable);

  return result;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  UpstanderLibrary *self = source_object;

  /* Only immutable fields are read here: they are set at construction. */
  g_task_return_pointer (task,
                         load_all (self->resource_dir, (const char * const *) self->dirs,
                                   cancellable),
                         load_result_free);
}

static gint
find_bundle (UpstanderLibrary *self,
             const char       *id)
{
  for (guint i = 0; i < self->bundles->len; i++)
    {
      if (g_strcmp0 (upstander_bundle_get_id (g_ptr_array_index (self->bundles, i)), id) == 0)
        return (gint) i;
    }

  return -1;
}

/* On the main thread: takes the bundles read and publishes their scenarios. */
static void
apply_result (UpstanderLibrary *self,
              LoadResult       *result)
{
  g_autoptr(GHashTable) index_by_id = NULL;
  guint old_n_items = self->scenarios->len;

  g_ptr_array_set_size (self->scenarios, 0);
  g_ptr_array_set_size (self->bundles, 0);
  g_ptr_array_set_size (self->diagnostics, 0);
  g_ptr_array_extend_and_steal (self->diagnostics, g_steal_pointer (&result->diagnostics));
  self->n_failed = result->n_failed;

  /* By id, not find_bundle(): a search per bundle made 10,000 bundles cost
   * 50 million string comparisons, half of `upstander --list`. */
  index_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < result->bundles->len; i++)
    {
      UpstanderBundle *bundle = g_ptr_array_index (result->bundles, i);
      gpointer found;
      gint existing = -1;

      if (g_hash_table_lookup_extended (index_by_id, upstander_bundle_get_id (bundle), NULL, &found))
        existing = GPOINTER_TO_INT (found);

      if (existing < 0)
        {
          g_hash_table_insert (index_by_id, (gpointer) upstander_bundle_get_id (bundle),
                               GINT_TO_POINTER (self->bundles->len));
          g_ptr_array_add (self->bundles, g_object_ref (bundle));
        }
      else if (upstander_bundle_get_version (bundle) >
               upstander_bundle_get_version (g_ptr_array_index (self->bundles, existing)))
        {
          g_object_unref (g_ptr_array_index (self->bundles, existing));
          g_ptr_array_index (self->bundles, existing) = g_object_ref (bundle);
          /* The key is the id of the bundle it names. */
          g_hash_table_replace (index_by_id, (gpointer) upstander_bundle_get_id (bundle), found);
        }
    }

  for (guint i = 0; i < self->bundles->len; i++)
    {
      UpstanderBundle *bundle = g_ptr_array_index (self->bundles, i);
      GPtrArray *scenarios = upstander_bundle_get_scenarios (bundle);

      upstander_bundle_set_languages (bundle, (const char * const *) self->languages);
      for (guint s = 0; s < scenarios->len; s++)
        g_ptr_array_add (self->scenarios, g_object_ref (g_ptr_array_index (scenarios, s)));
    }

  self->loaded = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->scenarios->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADED]);
}

static void
load_done_cb (GObject      *object,
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
      return;
    }

  apply_result (self, loaded);
  load_result_free (loaded);
  g_task_return_boolean (task, TRUE);
}

/**
 * upstander_library_load_async:
 *
 * Reads every bundle in a worker thread, then replaces the model's items in
 * one change on the main thread.
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
  worker = g_task_new (self, cancellable, load_done_cb, task);
  g_task_run_in_thread (worker, load_thread);
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

  result = load_all (self->resource_dir, (const char * const *) self->dirs, NULL);
  apply_result (self, result);
  load_result_free (result);
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
  gint index;

  g_return_val_if_fail (UPSTANDER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (scenario_id != NULL, NULL);

  if (bundle_id != NULL)
    {
      index = find_bundle (self, bundle_id);
      return index < 0 ? NULL : upstander_bundle_lookup_scenario (g_ptr_array_index (self->bundles, index),
                                                                  scenario_id);
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
 * upstander_library_dup_help:
 * @region: (nullable): an ISO 3166-1 alpha-2 code
 * @has_regional: (out) (optional): whether any bundle has help for @region itself
 *
 * Returns: (transfer container) (element-type UpstanderHelp): the help for
 *   @region first, then the help for every region
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

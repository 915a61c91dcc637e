/* upstander-settings.c: the app's settings, from GSettings when its schema is installed
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-settings"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "upstander-language.h"
#include "upstander-settings.h"

/*
 * Widgets bind to the properties of this object, never to GSettings itself:
 * when the schema is not installed (an uninstalled build started without
 * `meson devenv`), the app still runs, with settings kept in memory only.
 */

struct _UpstanderSettings
{
  GObject    parent_instance;

  GSettings *settings;  /* nullable */

  char      *text_size;
  char      *region;
  char      *language;
  char      *reader;
  int        window_width;
  int        window_height;
  gboolean   window_maximized;
  gboolean   classroom_mode;
  gboolean           read_aloud_automatically;

  /* Set by an administrator (the app only reads these keys). */
  GStrv      age_bands;
  gboolean   first_run;
  gboolean   user_bundles;
  gboolean   classroom_available;

  /* Bit per entry of lockable_keys: locked by an administrator, as last seen. */
  guint      locked;
};

enum {
  PROP_0,
  PROP_TEXT_SIZE,
  PROP_REGION,
  PROP_LANGUAGE,
  PROP_READER,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_CLASSROOM_MODE,
  PROP_READ_ALOUD_AUTOMATICALLY,
  PROP_AGE_BANDS,
  PROP_FIRST_RUN,
  PROP_USER_BUNDLES,
  PROP_CLASSROOM_AVAILABLE,
  PROP_LANGUAGE_LOCKED,
  PROP_READER_LOCKED,
  PROP_TEXT_SIZE_LOCKED,
  PROP_REGION_LOCKED,
  PROP_READ_ALOUD_AUTOMATICALLY_LOCKED,
  PROP_CLASSROOM_MODE_LOCKED,
  N_PROPS
};

/*
 * The keys the reader may change in the app, which an administrator can
 * lock, each with its property "KEY-locked". Widgets that change one bind
 * to that property (upstander_settings_bind_lock()), so a lock set or lifted
 * while the app runs shows at once.
 */
static const struct
{
  const char *key;
  guint       prop_id;
} lockable_keys[] = {
  { "language", PROP_LANGUAGE_LOCKED },
  { "reader", PROP_READER_LOCKED },
  { "text-size", PROP_TEXT_SIZE_LOCKED },
  { "region", PROP_REGION_LOCKED },
  { "read-aloud-automatically", PROP_READ_ALOUD_AUTOMATICALLY_LOCKED },
  { "classroom-mode", PROP_CLASSROOM_MODE_LOCKED },
};

G_DEFINE_FINAL_TYPE (UpstanderSettings, upstander_settings, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

/*
 * The text sizes, smallest first: the one list the code has (the schema's
 * choices say the same, and a test checks it). Preferences offers them in
 * this order; the window takes the CSS class "text-" + size.
 */
static const char * const text_sizes[] = { "small", "default", "large", "larger", "largest", NULL };

const char * const *
upstander_settings_get_text_sizes (void)
{
  return text_sizes;
}

static gboolean
text_size_is_valid (const char *text_size)
{
  return text_size != NULL && g_strv_contains (text_sizes, text_size);
}

/* In the order they are offered; labels are translated where they are shown. */
static const UpstanderReaderBand reader_bands[] = {
  { "ages-8-11", N_("Ages 8 to 11"), 8, 11 },
  { "ages-12-14", N_("Ages 12 to 14"), 12, 14 },
  { "ages-15-17", N_("Ages 15 to 17"), 15, 17 },
  { "adult", N_("A teacher or parent"), 0, G_MAXUINT },
};

/* The "adult" band is not an age band an administrator offers: it sees what is offered. */
static gboolean
is_age_band (const UpstanderReaderBand *band)
{
  return g_strcmp0 (band->id, "adult") != 0;
}

/* Whether the administrator's list names at least one band this version knows. */
static gboolean
age_bands_restrict (const char * const *age_bands)
{
  for (guint i = 0; i < G_N_ELEMENTS (reader_bands); i++)
    if (is_age_band (&reader_bands[i]) && age_bands != NULL &&
        g_strv_contains (age_bands, reader_bands[i].id))
      return TRUE;

  return FALSE;
}

static gboolean
band_is_offered (UpstanderSettings         *self,
                 const UpstanderReaderBand *band)
{
  if (!is_age_band (band) || !age_bands_restrict ((const char * const *) self->age_bands))
    return TRUE;

  return g_strv_contains ((const char * const *) self->age_bands, band->id);
}

static gboolean
reader_is_offered (UpstanderSettings *self,
                   const char        *reader)
{
  for (guint i = 0; i < G_N_ELEMENTS (reader_bands); i++)
    if (g_strcmp0 (reader_bands[i].id, reader) == 0)
      return band_is_offered (self, &reader_bands[i]);

  return FALSE;
}

/* The answers to "who is reading?", for the first run and Preferences. */
const UpstanderReaderBand *
upstander_reader_bands_get_all (guint *n_bands)
{
  g_return_val_if_fail (n_bands != NULL, NULL);

  *n_bands = G_N_ELEMENTS (reader_bands);

  return reader_bands;
}

/**
 * upstander_settings_dup_offered_readers:
 *
 * The answers to "who is reading?" an administrator allows, in the order
 * they are offered: the age bands of the `age-bands` key, then a teacher or
 * parent.
 *
 * Returns: (transfer container) (element-type UpstanderReaderBand): the bands
 */
GPtrArray *
upstander_settings_dup_offered_readers (UpstanderSettings *self)
{
  GPtrArray *offered;

  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), NULL);

  offered = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (reader_bands); i++)
    if (band_is_offered (self, &reader_bands[i]))
      g_ptr_array_add (offered, (gpointer) &reader_bands[i]);

  return offered;
}

/* Whether the band @reader ("ages-8-11", …, "adult") is offered. */
gboolean
upstander_settings_get_reader_offered (UpstanderSettings *self,
                                       const char        *reader)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), FALSE);

  return reader_is_offered (self, reader);
}

/*
 * Whether a story for ages @age_min to @age_max is offered: it is meant for
 * some of the ages of an offered band. A story for 10 to 13 is offered when
 * only 8 to 11 is.
 */
gboolean
upstander_settings_get_ages_offered (UpstanderSettings *self,
                                     guint              age_min,
                                     guint              age_max)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), FALSE);

  if (!age_bands_restrict ((const char * const *) self->age_bands))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (reader_bands); i++)
    if (is_age_band (&reader_bands[i]) && band_is_offered (self, &reader_bands[i]) &&
        age_min <= reader_bands[i].age_max && age_max >= reader_bands[i].age_min)
      return TRUE;

  return FALSE;
}

static void
set_language_value (UpstanderSettings *self,
                    const char        *language)
{
  g_autofree char *normal = upstander_language_tag_normalize (language, UPSTANDER_LANGUAGE_TAG_LOCALE);

  /* Anything but a language tag means the system's language. */
  if (normal == NULL)
    normal = g_strdup ("");

  if (g_strcmp0 (self->language, normal) == 0)
    return;

  g_free (self->language);
  self->language = g_steal_pointer (&normal);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGE]);
}

static void
upstander_settings_finalize (GObject *object)
{
  UpstanderSettings *self = (UpstanderSettings *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->text_size, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->reader, g_free);
  g_clear_pointer (&self->age_bands, g_strfreev);

  G_OBJECT_CLASS (upstander_settings_parent_class)->finalize (object);
}

static void
upstander_settings_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  UpstanderSettings *self = UPSTANDER_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_TEXT_SIZE:
      g_value_set_string (value, self->text_size);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_READER:
      g_value_set_string (value, self->reader);
      break;

    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;

    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;

    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;

    case PROP_CLASSROOM_MODE:
      g_value_set_boolean (value, self->classroom_mode);
      break;

    case PROP_READ_ALOUD_AUTOMATICALLY:
      g_value_set_boolean (value, self->read_aloud_automatically);
      break;

    case PROP_AGE_BANDS:
      g_value_set_boxed (value, self->age_bands);
      break;

    case PROP_FIRST_RUN:
      g_value_set_boolean (value, self->first_run);
      break;

    case PROP_USER_BUNDLES:
      g_value_set_boolean (value, self->user_bundles);
      break;

    case PROP_CLASSROOM_AVAILABLE:
      g_value_set_boolean (value, self->classroom_available);
      break;

    case PROP_LANGUAGE_LOCKED:
    case PROP_READER_LOCKED:
    case PROP_TEXT_SIZE_LOCKED:
    case PROP_REGION_LOCKED:
    case PROP_READ_ALOUD_AUTOMATICALLY_LOCKED:
    case PROP_CLASSROOM_MODE_LOCKED:
      for (guint i = 0; i < G_N_ELEMENTS (lockable_keys); i++)
        if (lockable_keys[i].prop_id == prop_id)
          g_value_set_boolean (value, (self->locked & (1u << i)) != 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int (UpstanderSettings *self,
         int               *field,
         int                value,
         guint              prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
set_boolean (UpstanderSettings *self,
             gboolean          *field,
             gboolean           value,
             guint              prop_id)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
set_age_bands (UpstanderSettings  *self,
               const char * const *age_bands)
{
  if (self->age_bands != NULL && age_bands != NULL &&
      g_strv_equal ((const char * const *) self->age_bands, age_bands))
    return;

  g_strfreev (self->age_bands);
  self->age_bands = g_strdupv ((char **) age_bands);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AGE_BANDS]);

  /* Who is reading follows: a band no longer offered becomes "a teacher or parent". */
  upstander_settings_set_reader (self, self->reader);
}

static void
set_classroom_available (UpstanderSettings *self,
                         gboolean           classroom_available)
{
  set_boolean (self, &self->classroom_available, classroom_available, PROP_CLASSROOM_AVAILABLE);
  if (!self->classroom_available)
    upstander_settings_set_classroom_mode (self, FALSE);
}

static void
upstander_settings_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  UpstanderSettings *self = UPSTANDER_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_TEXT_SIZE:
      upstander_settings_set_text_size (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      upstander_settings_set_region (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      set_language_value (self, g_value_get_string (value));
      break;

    case PROP_READER:
      upstander_settings_set_reader (self, g_value_get_string (value));
      break;

    case PROP_WINDOW_WIDTH:
      set_int (self, &self->window_width, g_value_get_int (value), prop_id);
      break;

    case PROP_WINDOW_HEIGHT:
      set_int (self, &self->window_height, g_value_get_int (value), prop_id);
      break;

    case PROP_WINDOW_MAXIMIZED:
      if (self->window_maximized != g_value_get_boolean (value))
        {
          self->window_maximized = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_CLASSROOM_MODE:
      upstander_settings_set_classroom_mode (self, g_value_get_boolean (value));
      break;

    case PROP_READ_ALOUD_AUTOMATICALLY:
      upstander_settings_set_read_aloud_automatically (self, g_value_get_boolean (value));
      break;

    case PROP_AGE_BANDS:
      set_age_bands (self, g_value_get_boxed (value));
      break;

    case PROP_FIRST_RUN:
      set_boolean (self, &self->first_run, g_value_get_boolean (value), prop_id);
      break;

    case PROP_USER_BUNDLES:
      set_boolean (self, &self->user_bundles, g_value_get_boolean (value), prop_id);
      break;

    case PROP_CLASSROOM_AVAILABLE:
      set_classroom_available (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_settings_class_init (UpstanderSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upstander_settings_finalize;
  object_class->get_property = upstander_settings_get_property;
  object_class->set_property = upstander_settings_set_property;

  properties [PROP_TEXT_SIZE] =
    g_param_spec_string ("text-size", NULL, NULL, "default",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_READER] =
    g_param_spec_string ("reader", NULL, NULL, "adult",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL, 0, G_MAXINT, 1000,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL, 0, G_MAXINT, 720,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLASSROOM_MODE] =
    g_param_spec_boolean ("classroom-mode", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_READ_ALOUD_AUTOMATICALLY] =
    g_param_spec_boolean ("read-aloud-automatically", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_AGE_BANDS] =
    g_param_spec_boxed ("age-bands", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FIRST_RUN] =
    g_param_spec_boolean ("first-run", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_USER_BUNDLES] =
    g_param_spec_boolean ("user-bundles", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLASSROOM_AVAILABLE] =
    g_param_spec_boolean ("classroom-available", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Read-only: set by an administrator, followed through writable-changed. */
  for (guint i = 0; i < G_N_ELEMENTS (lockable_keys); i++)
    {
      g_autofree char *name = g_strconcat (lockable_keys[i].key, "-locked", NULL);

      properties [lockable_keys[i].prop_id] =
        g_param_spec_boolean (g_intern_string (name), NULL, NULL, FALSE,
                              (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_settings_init (UpstanderSettings *self)
{
  self->text_size = g_strdup ("default");
  self->region = g_strdup ("");
  self->language = g_strdup ("");
  self->reader = g_strdup ("adult");
  self->window_width = 1000;
  self->window_height = 720;
  self->first_run = TRUE;
  self->user_bundles = TRUE;
  self->classroom_available = TRUE;
}

/*
 * Takes in whether an administrator locks @key (NULL: every lockable key),
 * and says so when that changed. An administrator can lock or unlock a key
 * while the app runs (dconf pushes a new database to a running session).
 */
static void
update_locks (UpstanderSettings *self,
              const char        *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (lockable_keys); i++)
    {
      guint bit = 1u << i;
      guint was = self->locked & bit;

      if (key != NULL && !g_str_equal (key, lockable_keys[i].key))
        continue;

      if (upstander_settings_get_locked (self, lockable_keys[i].key))
        self->locked |= bit;
      else
        self->locked &= ~bit;
      if ((self->locked & bit) != was)
        g_object_notify_by_pspec (G_OBJECT (self), properties [lockable_keys[i].prop_id]);
    }
}

static void
writable_changed_cb (GSettings         *settings,
                     const char        *key,
                     UpstanderSettings *self)
{
  update_locks (self, key);
}

/* Binds @self to the app's GSettings schema, if it is installed, through @backend (NULL: the default). */
static void
attach (UpstanderSettings *self,
        GSettingsBackend  *backend)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not found: settings are not kept", APP_ID);
      return;
    }

  self->settings = g_settings_new_full (schema, backend, NULL);
  /* The administrator's keys first: who is reading and Classroom Mode are
   * held to them as they are read. The app never writes these. */
  g_settings_bind (self->settings, "age-bands", self, "age-bands", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "first-run", self, "first-run", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "user-bundles", self, "user-bundles", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "classroom-available", self, "classroom-available", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "text-size", self, "text-size", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "region", self, "region", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "language", self, "language", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reader", self, "reader", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-width", self, "window-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "window-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "window-maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "classroom-mode", self, "classroom-mode", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "read-aloud-automatically", self, "read-aloud-automatically",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "writable-changed", G_CALLBACK (writable_changed_cb), self, 0);
  update_locks (self, NULL);
}

UpstanderSettings *
upstander_settings_new (void)
{
  return upstander_settings_new_for_backend (NULL);
}

/**
 * upstander_settings_new_for_backend:
 * @backend: (nullable): where the settings are kept, or %NULL for the default
 *
 * Settings kept in @backend: for tests, which make a keyfile backend with
 * an administrator's locks of their own.
 */
UpstanderSettings *
upstander_settings_new_for_backend (GSettingsBackend *backend)
{
  UpstanderSettings *self = g_object_new (UPSTANDER_TYPE_SETTINGS, NULL);

  g_return_val_if_fail (backend == NULL || G_IS_SETTINGS_BACKEND (backend), self);

  attach (self, backend);

  return self;
}

/* Whether the settings outlive the process (the GSettings schema was found). */
gboolean
upstander_settings_get_persistent (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), FALSE);

  return self->settings != NULL;
}

const char *
upstander_settings_get_text_size (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), NULL);

  return self->text_size;
}

void
upstander_settings_set_text_size (UpstanderSettings *self,
                                  const char        *text_size)
{
  g_return_if_fail (UPSTANDER_IS_SETTINGS (self));

  if (!text_size_is_valid (text_size))
    text_size = "default";

  if (g_strcmp0 (self->text_size, text_size) == 0)
    return;

  g_free (self->text_size);
  self->text_size = g_strdup (text_size);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT_SIZE]);
}

/* Whether each new line, feedback and ending is read aloud as it appears. */
gboolean
upstander_settings_get_read_aloud_automatically (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), FALSE);

  return self->read_aloud_automatically;
}

void
upstander_settings_set_read_aloud_automatically (UpstanderSettings *self,
                                                 gboolean           read_aloud_automatically)
{
  g_return_if_fail (UPSTANDER_IS_SETTINGS (self));

  read_aloud_automatically = !!read_aloud_automatically;
  if (self->read_aloud_automatically == read_aloud_automatically)
    return;

  self->read_aloud_automatically = read_aloud_automatically;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ALOUD_AUTOMATICALLY]);
}

/* Whether stories open in the presentation view for a whole class. */
gboolean
upstander_settings_get_classroom_mode (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), FALSE);

  return self->classroom_mode;
}

void
upstander_settings_set_classroom_mode (UpstanderSettings *self,
                                       gboolean           classroom_mode)
{
  g_return_if_fail (UPSTANDER_IS_SETTINGS (self));

  classroom_mode = !!classroom_mode && self->classroom_available;
  if (self->classroom_mode == classroom_mode)
    return;

  self->classroom_mode = classroom_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLASSROOM_MODE]);
}

const char *
upstander_settings_get_region (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), NULL);

  return self->region;
}

void
upstander_settings_set_region (UpstanderSettings *self,
                               const char        *region)
{
  g_autofree char *code = NULL;

  g_return_if_fail (UPSTANDER_IS_SETTINGS (self));

  /* An ISO 3166-1 code in either case, kept in capitals; anything else means "from the locale". */
  code = upstander_region_parse (region);
  if (code == NULL)
    code = g_strdup ("");

  if (g_strcmp0 (self->region, code) == 0)
    return;

  g_free (self->region);
  self->region = g_steal_pointer (&code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REGION]);
}

/* The language chosen in the app, such as "fr", or "" for the system's. */
const char *
upstander_settings_get_language (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), NULL);

  return self->language;
}

/* Chooses @language ("" for the system's), and records that a choice was made. */
void
upstander_settings_set_language (UpstanderSettings *self,
                                 const char        *language)
{
  g_return_if_fail (UPSTANDER_IS_SETTINGS (self));

  /* A locked language is the administrator's, for this run too. */
  if (upstander_settings_get_locked (self, "language"))
    return;

  set_language_value (self, language);

  /* Written even when unchanged: "System language" chosen is not "never asked". */
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "language", self->language);
}

/*
 * Whether a language was ever chosen, "System language" included: until
 * then the app asks on its first window. Without the GSettings schema
 * nothing is kept, so the app does not ask at all rather than every time.
 */
gboolean
upstander_settings_get_language_chosen (UpstanderSettings *self)
{
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), TRUE);

  if (self->settings == NULL || !self->first_run ||
      upstander_settings_get_set_by_administrator (self, "language"))
    return TRUE;

  value = g_settings_get_user_value (self->settings, "language");

  return value != NULL;
}

/*
 * Who is reading: "ages-8-11", "ages-12-14", "ages-15-17", or "adult" (a
 * teacher or parent). Only the band is kept: no name, nothing else.
 */
const char *
upstander_settings_get_reader (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), NULL);

  return self->reader;
}

void
upstander_settings_set_reader (UpstanderSettings *self,
                               const char        *reader)
{
  g_return_if_fail (UPSTANDER_IS_SETTINGS (self));

  if (!reader_is_offered (self, reader))
    reader = "adult";

  if (g_strcmp0 (self->reader, reader) == 0)
    return;

  g_free (self->reader);
  self->reader = g_strdup (reader);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READER]);
}

/* Chooses who is reading and records that the reader answered, even with the default. */
void
upstander_settings_choose_reader (UpstanderSettings *self,
                                  const char        *reader)
{
  g_return_if_fail (UPSTANDER_IS_SETTINGS (self));

  if (upstander_settings_get_locked (self, "reader"))
    return;

  upstander_settings_set_reader (self, reader);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "reader", self->reader);
}

/*
 * Whether the app should ask who is reading: never answered, and not
 * locked. Without the GSettings schema nothing is kept, so it does not ask.
 */
gboolean
upstander_settings_get_reader_unasked (UpstanderSettings *self)
{
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), FALSE);

  if (self->settings == NULL || !self->first_run ||
      upstander_settings_get_set_by_administrator (self, "reader"))
    return FALSE;

  /* With one age band offered, "that band" and "a teacher or parent" show
   * the same stories: there is nothing to ask. */
  {
    g_autoptr(GPtrArray) offered = upstander_settings_dup_offered_readers (self);
    guint n_bands = 0;

    for (guint i = 0; i < offered->len; i++)
      if (is_age_band (g_ptr_array_index (offered, i)))
        n_bands++;
    if (n_bands <= 1)
      return FALSE;
  }

  value = g_settings_get_user_value (self->settings, "reader");

  return value == NULL;
}

/*
 * Whether an administrator locked @key (a dconf lock, or a `locks` file of
 * the keyfile backend): the app then neither asks for it nor offers to
 * change it. The one place that decides it: the "KEY-locked" properties
 * follow it.
 */
gboolean
upstander_settings_get_locked (UpstanderSettings *self,
                               const char        *key)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return self->settings != NULL && !g_settings_is_writable (self->settings, key);
}

/*
 * Whether an administrator chose the value of @key, one of the string keys
 * the first run asks ("language", "reader"): locked it, or gave it a default
 * of their own (a vendor override, or a dconf system database). Such a key
 * is not asked on the first run, and what the administrator set is never
 * written back as the user's choice.
 *
 * glib-compile-schemas bakes vendor overrides into the compiled schema, so
 * the schema's default cannot tell them apart: the default is compared with
 * the app's own, the property's (a test checks they match the schema file).
 */
gboolean
upstander_settings_get_set_by_administrator (UpstanderSettings *self,
                                             const char        *key)
{
  g_autoptr(GVariant) default_value = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (self->settings == NULL)
    return FALSE;
  if (!g_settings_is_writable (self->settings, key))
    return TRUE;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), key);
  g_return_val_if_fail (G_IS_PARAM_SPEC_STRING (pspec), FALSE);
  default_value = g_settings_get_default_value (self->settings, key);

  return default_value != NULL && g_variant_is_of_type (default_value, G_VARIANT_TYPE_STRING) &&
         g_strcmp0 (g_variant_get_string (default_value, NULL),
                    G_PARAM_SPEC_STRING (pspec)->default_value) != 0;
}

/* Whether stories in the user's own folder are read (an administrator can turn them off). */
gboolean
upstander_settings_get_user_bundles (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), TRUE);

  return self->user_bundles;
}

/* Whether Classroom Mode is offered (an administrator can hide it). */
gboolean
upstander_settings_get_classroom_available (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), TRUE);

  return self->classroom_available;
}

/**
 * upstander_settings_dup_effective_region:
 *
 * Returns: (transfer full) (nullable): the region chosen in Preferences, else
 *   the locale's, else %NULL
 */
char *
upstander_settings_dup_effective_region (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), NULL);

  if (self->region != NULL && self->region[0] != '\0')
    return g_strdup (self->region);

  return upstander_region_from_locale ();
}

static gboolean
window_close_request_cb (GtkWindow         *window,
                         UpstanderSettings *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (window, &width, &height);
  g_object_set (self,
                "window-width", width,
                "window-height", height,
                "window-maximized", gtk_window_is_maximized (window),
                NULL);

  return GDK_EVENT_PROPAGATE;
}

/* Gives @window its remembered size, and remembers it when it closes. */
void
upstander_settings_bind_window (UpstanderSettings *self,
                                GObject           *window)
{
  g_return_if_fail (UPSTANDER_IS_SETTINGS (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_set_default_size (GTK_WINDOW (window),
                               MAX (self->window_width, 360),
                               MAX (self->window_height, 400));
  if (self->window_maximized)
    gtk_window_maximize (GTK_WINDOW (window));

  g_signal_connect_object (window, "close-request",
                           G_CALLBACK (window_close_request_cb), self, 0);
}

/* "Set by your administrator" while the lock holds, else what the widget said of itself. */
static gboolean
lock_to_text (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      own_text)
{
  g_value_set_string (to, g_value_get_boolean (from) ? _("Set by your administrator") : own_text);

  return TRUE;
}

/**
 * upstander_settings_bind_lock:
 * @key: a key the reader may change: "language", "reader", "text-size",
 *   "region", "read-aloud-automatically" or "classroom-mode"
 * @widget: what changes it: a row of Preferences, a toggle
 *
 * An administrator's lock is shown, not fought: while @key is locked,
 * @widget is insensitive and says who set it, in its tooltip (which GTK
 * makes its accessible description too) and, for a row, in place of its
 * subtitle. When the lock is lifted, even while the app runs, @widget
 * responds again with its own words. Bind once the widget has them.
 */
void
upstander_settings_bind_lock (UpstanderSettings *self,
                              const char        *key,
                              GObject           *widget)
{
  g_autofree char *property = NULL;

  g_return_if_fail (UPSTANDER_IS_SETTINGS (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  property = g_strconcat (key, "-locked", NULL);
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (self), property) != NULL);

  g_object_bind_property (self, property, widget, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property_full (self, property, widget, "tooltip-text", G_BINDING_SYNC_CREATE,
                               lock_to_text, NULL,
                               g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (widget))), g_free);
  if (ADW_IS_ACTION_ROW (widget))
    g_object_bind_property_full (self, property, widget, "subtitle", G_BINDING_SYNC_CREATE,
                                 lock_to_text, NULL,
                                 g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget))), g_free);
}

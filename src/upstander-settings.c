/* upstander-settings.c: the app's settings, from GSettings when its schema is installed */
#define G_LOG_DOMAIN "upstander-settings"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

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
  N_PROPS
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
  { "ages-8-11", N_("Ages 8 to 11") },
  { "ages-12-14", N_("Ages 12 to 14") },
  { "ages-15-17", N_("Ages 15 to 17") },
  { "adult", N_("A teacher or parent") },
};

static gboolean
reader_is_valid (const char *reader)
{
  for (guint i = 0; i < G_N_ELEMENTS (reader_bands); i++)
    if (g_strcmp0 (reader_bands[i].id, reader) == 0)
      return TRUE;

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upstander_settings_init (UpstanderSettings *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->text_size = g_strdup ("default");
  self->region = g_strdup ("");
  self->language = g_strdup ("");
  self->reader = g_strdup ("adult");
  self->window_width = 1000;
  self->window_height = 720;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("GSettings schema %s not found: settings are not kept", APP_ID);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
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
}

UpstanderSettings *
upstander_settings_new (void)
{
  return g_object_new (UPSTANDER_TYPE_SETTINGS, NULL);
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

  classroom_mode = !!classroom_mode;
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

  if (self->settings == NULL)
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

  if (!reader_is_valid (reader))
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

  if (!upstander_settings_get_reader_writable (self))
    return;

  upstander_settings_set_reader (self, reader);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "reader", self->reader);
}

/*
 * Whether the reader may change who is reading: an administrator can lock
 * the key (a vendor override, or a dconf lock), and then the app neither
 * asks nor offers to change it.
 */
gboolean
upstander_settings_get_reader_writable (UpstanderSettings *self)
{
  g_return_val_if_fail (UPSTANDER_IS_SETTINGS (self), FALSE);

  return self->settings == NULL || g_settings_is_writable (self->settings, "reader");
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

  if (self->settings == NULL || !g_settings_is_writable (self->settings, "reader"))
    return FALSE;

  value = g_settings_get_user_value (self->settings, "reader");

  return value == NULL;
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

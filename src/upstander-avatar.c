/* upstander-avatar.c: a story character's illustrated avatar, or their initials
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-avatar"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-avatar.h"
#include "upstander-avatars.h"

struct _UpstanderAvatar
{
  AdwBin     parent_instance;

  char      *avatar_name;
  char      *person_name;
  char      *resource;    /* the drawing shown now, NULL when initials are */

  AdwAvatar *avatar;
};

enum {
  PROP_0,
  PROP_AVATAR_NAME,
  PROP_PERSON_NAME,
  PROP_SIZE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (UpstanderAvatar, upstander_avatar, ADW_TYPE_BIN)

static GParamSpec *properties [N_PROPS];

/* Every pixel size the pictures were rendered at (meson.build). */
static const int pixel_sizes[] = { AVATAR_PIXEL_SIZES };

/*
 * The rendered size to show at @pixels: that size when there is one, so the
 * picture is drawn pixel for pixel; else the smallest larger one, which GTK
 * scales down; else the largest, scaled up (a scale factor above 2).
 */
static int
choose_pixel_size (int pixels)
{
  int larger = 0;
  int largest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pixel_sizes); i++)
    {
      if (pixel_sizes[i] == pixels)
        return pixels;
      if (pixel_sizes[i] > pixels && (larger == 0 || pixel_sizes[i] < larger))
        larger = pixel_sizes[i];
      largest = MAX (largest, pixel_sizes[i]);
    }

  return larger != 0 ? larger : largest;
}

/*
 * Pictures decoded once per name, style and pixel size: the catalogue
 * recycles its cards as it scrolls and every chat row shows its sender, so
 * the same few dozen pictures are asked for again and again. Bounded by the
 * documented names × two styles × the rendered sizes.
 *
 * The pictures are PNG, rendered from data/avatars/NAME.svg at build time
 * (resources/avatars/meson.build): GTK decodes PNG itself, where an SVG goes
 * through gdk-pixbuf's SVG loader and maps all of librsvg into the app.
 */
static GdkTexture *
lookup_texture (const char  *resource,
                GError     **error)
{
  static GHashTable *textures = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  if (textures == NULL)
    textures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  texture = g_hash_table_lookup (textures, resource);
  if (texture != NULL)
    return g_object_ref (texture);

  /* Not gdk_texture_new_from_resource (): it aborts on a missing path. */
  bytes = g_resource_lookup_data (upstander_avatars_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  texture = gdk_texture_new_from_bytes (bytes, error);
  if (texture == NULL)
    return NULL;

  g_hash_table_insert (textures, g_strdup (resource), g_object_ref (texture));

  return texture;
}

/*
 * The picture is rendered at the size it is shown (times the scale factor),
 * not scaled from one bitmap, so it stays sharp. The dark style has its own
 * drawings (mid-tone backgrounds, light outlines) rather than a recoloured
 * copy: skin tones must not change with the theme.
 */
static void
update_image (UpstanderAvatar *self)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *resource = NULL;
  gboolean dark;
  int scale;
  int pixels;
  int rendered;

  g_assert (UPSTANDER_IS_AVATAR (self));

  g_clear_pointer (&self->resource, g_free);

  /* Disposed: a binding or a notification may still arrive, with nothing to draw on. */
  if (self->avatar == NULL)
    return;

  if (self->avatar_name == NULL || self->avatar_name[0] == '\0' ||
      strchr (self->avatar_name, '/') != NULL)
    {
      adw_avatar_set_custom_image (self->avatar, NULL);
      return;
    }

  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  scale = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  pixels = adw_avatar_get_size (self->avatar) * scale;
  rendered = choose_pixel_size (pixels);
  if (rendered != pixels && scale <= 2)
    g_critical ("Avatars are not rendered at %d pixels: add the size to avatar_sizes in meson.build", pixels);

  resource = g_strdup_printf (RESOURCE_BASE "/avatars/%d/%s%s.png",
                              rendered, self->avatar_name, dark ? "-dark" : "");
  texture = lookup_texture (resource, &error);
  if (texture == NULL)
    {
      /* The loader only lets known names through; a bundle from a newer
       * version may still name one this build does not draw. */
      g_debug ("No avatar picture %s: %s; showing initials", resource, error->message);
      adw_avatar_set_custom_image (self->avatar, NULL);
      return;
    }

  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
  self->resource = g_steal_pointer (&resource);
}

static void
style_manager_notify_dark_cb (UpstanderAvatar *self)
{
  update_image (self);
}

static void
notify_scale_factor_cb (UpstanderAvatar *self)
{
  update_image (self);
}

static void
upstander_avatar_dispose (GObject *object)
{
  UpstanderAvatar *self = (UpstanderAvatar *) object;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);

  G_OBJECT_CLASS (upstander_avatar_parent_class)->dispose (object);

  /* AdwBin has dropped its child: nothing may reach it from here on. */
  self->avatar = NULL;
}

static void
upstander_avatar_finalize (GObject *object)
{
  UpstanderAvatar *self = (UpstanderAvatar *) object;

  g_clear_pointer (&self->avatar_name, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->resource, g_free);

  G_OBJECT_CLASS (upstander_avatar_parent_class)->finalize (object);
}

static void
upstander_avatar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UpstanderAvatar *self = UPSTANDER_AVATAR (object);

  switch (prop_id)
    {
    case PROP_AVATAR_NAME:
      g_value_set_string (value, self->avatar_name);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case PROP_SIZE:
      g_value_set_int (value, upstander_avatar_get_size (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_avatar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UpstanderAvatar *self = UPSTANDER_AVATAR (object);

  switch (prop_id)
    {
    case PROP_AVATAR_NAME:
      upstander_avatar_set_avatar_name (self, g_value_get_string (value));
      break;

    case PROP_PERSON_NAME:
      upstander_avatar_set_person_name (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      upstander_avatar_set_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upstander_avatar_class_init (UpstanderAvatarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_avatar_dispose;
  object_class->finalize = upstander_avatar_finalize;
  object_class->get_property = upstander_avatar_get_property;
  object_class->set_property = upstander_avatar_set_property;

  /**
   * UpstanderAvatar:avatar-name:
   *
   * One of UPSTANDER_AVATAR_NAMES (a bundle's `<person avatar="…">`), or
   * %NULL to show the person's initials.
   */
  properties [PROP_AVATAR_NAME] =
    g_param_spec_string ("avatar-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties [PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL, 1, G_MAXINT, 40,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "upstander-avatar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-avatar.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderAvatar, avatar);
}

static void
upstander_avatar_init (UpstanderAvatar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* This widget is the image, named after the person; the AdwAvatar inside
   * and its parts would otherwise be read out as "AdwAvatar", "GtkImage". */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->avatar),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_manager_notify_dark_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (notify_scale_factor_cb), NULL);
}

/**
 * upstander_avatar_new:
 * @avatar_name: (nullable): an avatar's name, or %NULL for initials
 * @person_name: (nullable): the person's name, for the initials and for
 *   screen readers (plain text)
 * @size: the diameter, in pixels
 */
GtkWidget *
upstander_avatar_new (const char *avatar_name,
                      const char *person_name,
                      int         size)
{
  g_return_val_if_fail (size > 0, NULL);

  /* The size first: the picture is looked up when the name is set. */
  return g_object_new (UPSTANDER_TYPE_AVATAR,
                       "size", size,
                       "avatar-name", avatar_name,
                       "person-name", person_name,
                       NULL);
}

const char *
upstander_avatar_get_avatar_name (UpstanderAvatar *self)
{
  g_return_val_if_fail (UPSTANDER_IS_AVATAR (self), NULL);

  return self->avatar_name;
}

void
upstander_avatar_set_avatar_name (UpstanderAvatar *self,
                                  const char      *avatar_name)
{
  g_return_if_fail (UPSTANDER_IS_AVATAR (self));

  /* g_set_str () is GLib 2.76; Debian 12 has 2.74. */
  if (g_strcmp0 (self->avatar_name, avatar_name) == 0)
    return;

  g_free (self->avatar_name);
  self->avatar_name = g_strdup (avatar_name);

  update_image (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AVATAR_NAME]);
}

const char *
upstander_avatar_get_person_name (UpstanderAvatar *self)
{
  g_return_val_if_fail (UPSTANDER_IS_AVATAR (self), NULL);

  return self->person_name;
}

void
upstander_avatar_set_person_name (UpstanderAvatar *self,
                                  const char      *person_name)
{
  g_return_if_fail (UPSTANDER_IS_AVATAR (self));

  /* g_set_str () is GLib 2.76; Debian 12 has 2.74. */
  if (g_strcmp0 (self->person_name, person_name) == 0)
    return;

  g_free (self->person_name);
  self->person_name = g_strdup (person_name);

  /* AdwAvatar takes the initials from its text; a name is plain text. */
  if (self->avatar != NULL)
    adw_avatar_set_text (self->avatar, person_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, person_name ? person_name : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PERSON_NAME]);
}

int
upstander_avatar_get_size (UpstanderAvatar *self)
{
  g_return_val_if_fail (UPSTANDER_IS_AVATAR (self), 0);

  return self->avatar != NULL ? adw_avatar_get_size (self->avatar) : 0;
}

void
upstander_avatar_set_size (UpstanderAvatar *self,
                           int              size)
{
  g_return_if_fail (UPSTANDER_IS_AVATAR (self));
  g_return_if_fail (size > 0);

  if (self->avatar == NULL || adw_avatar_get_size (self->avatar) == size)
    return;

  adw_avatar_set_size (self->avatar, size);
  update_image (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIZE]);
}

/* Whether a drawing is shown (rather than initials). */
gboolean
upstander_avatar_get_illustrated (UpstanderAvatar *self)
{
  g_return_val_if_fail (UPSTANDER_IS_AVATAR (self), FALSE);

  return self->resource != NULL;
}

/* The resource path of the picture shown, or %NULL when initials are. */
const char *
upstander_avatar_get_resource (UpstanderAvatar *self)
{
  g_return_val_if_fail (UPSTANDER_IS_AVATAR (self), NULL);

  return self->resource;
}

/* What each drawing shows, in a few words: for a screen reader and a tooltip. */
static const struct { const char *name; const char *words; } descriptions[] = {
  { "braids", N_("Long braids") },
  { "hijab", N_("Hijab") },
  { "curls", N_("Short black curls") },
  { "glasses", N_("Glasses") },
  { "ponytail", N_("Red ponytail and freckles") },
  { "bob", N_("Black bob") },
  { "spiky", N_("Spiky black hair") },
  { "wheelchair", N_("Wheelchair user") },
  { "hearing-aid", N_("Long hair and a hearing aid") },
  { "puffs", N_("Afro puffs") },
  { "patka", N_("Patka") },
  { "beanie", N_("Red beanie") },
  { "waves", N_("Wavy hair and glasses") },
  { "buzz", N_("Buzz cut and a hearing aid") },
  { "fringe", N_("Blond fringe") },
  { "headphones", N_("Headphones") },
  { "grandma", N_("Grandma") },
  { "grandpa", N_("Grandpa") },
  { "adult-beard", N_("Grown-up with a beard") },
  { "adult-hijab", N_("Grown-up in a hijab") },
  { "adult-glasses", N_("Grown-up with glasses") },
  { "adult-curly", N_("Grown-up with grey curls") },
  { "adult-long", N_("Grown-up with long hair") },
  { "adult-short", N_("Grown-up with short hair") },
  { "adult-braids", N_("Grown-up with braids") },
  { "anonymous", N_("Unknown account") },
  { "page", N_("A page or channel") },
  { "you", N_("You, the reader") },
};

/**
 * upstander_avatar_describe:
 * @avatar_name: (nullable): an avatar's name
 *
 * Returns: (nullable): what the drawing shows, in the reader's language;
 *   %NULL for no drawing (initials) or a name the app has no drawing for.
 */
const char *
upstander_avatar_describe (const char *avatar_name)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (descriptions) == 28);

  for (guint i = 0; avatar_name != NULL && i < G_N_ELEMENTS (descriptions); i++)
    if (g_str_equal (descriptions[i].name, avatar_name))
      return _(descriptions[i].words);

  return NULL;
}

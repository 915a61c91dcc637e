/* upstander-util.c: small helpers the pages share
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-util.h"

/* A bundle text in the reader's languages, for texts with no scenario or bundle at hand. */
const char *
upstander_ui_text (const UpstanderText *text)
{
  if (text == NULL)
    return "";

  return upstander_text_get (text, g_get_language_names ());
}

/* A wrapping label for plain text: never markup, whatever the text holds. */
GtkWidget *
upstander_text_label_new (const char *text,
                          const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_use_underline (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  upstander_text_label_set_text (label, text);

  return label;
}

/* Shows @text, a text from a bundle, in @label as upstander_text_label_new() does: never markup. */
void
upstander_text_label_set_text (GtkWidget  *label,
                               const char *text)
{
  /* Addresses and numbers stay whole inside Arabic. */
  g_autofree char *shown = upstander_text_isolate_ltr_runs (text);

  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_use_underline (GTK_LABEL (label), FALSE);
  gtk_label_set_text (GTK_LABEL (label), shown);
  /* Narration is italic; Arabic and Chinese get an upright style instead (style.css). */
  if (upstander_text_script_has_italics (text))
    gtk_widget_remove_css_class (label, "upright");
  else
    gtk_widget_add_css_class (label, "upright");
}

/* A new, empty box laid out as @box is: to fill, then put in its place with upstander_box_swap_in(). */
GtkWidget *
upstander_box_new_like (GtkWidget *box)
{
  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  return gtk_box_new (gtk_orientable_get_orientation (GTK_ORIENTABLE (box)), gtk_box_get_spacing (GTK_BOX (box)));
}

/**
 * upstander_box_swap_in:
 * @slot: (inout): a child of a GtkBox; names @filled afterwards
 * @filled: a new box, already holding what it shows
 *
 * Puts @filled in the place of *@slot, which goes.
 *
 * Why not fill *@slot itself: GTK 4.8 caches whether a widget's height
 * depends on its width (its request mode), and an empty box's does not.
 * A box built with a page that is hidden is asked that while it is still
 * empty (its parent asks all its children, shown or not), and until the
 * box is first allocated no queue_resize clears the answer: filled later,
 * it measures its wrapped labels as if they had no width, one line each,
 * and is allocated too short (an ending's paragraphs were drawn over the
 * card below them). A box filled before it is put in place is first asked
 * once it holds its labels.
 */
void
upstander_box_swap_in (GtkWidget **slot,
                       GtkWidget  *filled)
{
  GtkWidget *box;

  g_return_if_fail (slot != NULL && GTK_IS_WIDGET (*slot));
  g_return_if_fail (GTK_IS_WIDGET (filled) && gtk_widget_get_parent (filled) == NULL);

  box = gtk_widget_get_parent (*slot);
  g_return_if_fail (GTK_IS_BOX (box));

  gtk_box_insert_child_after (GTK_BOX (box), filled, *slot);
  gtk_box_remove (GTK_BOX (box), *slot);
  *slot = filled;
}

/* Puts @widget (or nothing) first in @box, in place of *@slot, which it then names. */
void
upstander_box_replace_first (GtkWidget  *box,
                             GtkWidget **slot,
                             GtkWidget  *widget)
{
  g_return_if_fail (GTK_IS_BOX (box));
  g_return_if_fail (slot != NULL);

  if (*slot != NULL)
    gtk_box_remove (GTK_BOX (box), *slot);
  *slot = widget;
  if (widget != NULL)
    gtk_box_prepend (GTK_BOX (box), widget);
}

/* A label for @text, as upstander_text_label_new() makes it, added at the end of @box. */
GtkWidget *
upstander_box_add_text_label (GtkBox     *box,
                              const char *text,
                              const char *css_class)
{
  GtkWidget *label = upstander_text_label_new (text, css_class);

  gtk_box_append (box, label);

  return label;
}

/*
 * GTK 4.8 names a text button over AT-SPI as its raw label plus its child
 * label ("_Continue Continue"): give it one explicit name instead.
 */
void
upstander_button_set_label_a11y (GtkWidget  *button,
                                 const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/*
 * Names every button under @root whose label has a mnemonic ("_Continue")
 * by its label without the underline, as a screen reader should read it.
 * For buttons that a toolkit builds, such as an AdwMessageDialog's.
 */
void
upstander_name_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *label = GTK_IS_BUTTON (child) ? gtk_button_get_label (GTK_BUTTON (child)) : NULL;

      if (label != NULL && gtk_button_get_use_underline (GTK_BUTTON (child)))
        {
          g_autoptr(GString) plain = g_string_new (NULL);

          /* "_" marks the mnemonic; "__" is a real underline. */
          for (const char *p = label; *p != '\0'; p++)
            if (*p != '_' || p[1] == '_')
              g_string_append_c (plain, *p == '_' ? *p++ : *p);
          upstander_button_set_label_a11y (child, plain->str);
        }

      upstander_name_mnemonic_buttons (child);
    }
}

/* A button with a wrapping plain-text label that runs @action_name. */
GtkWidget *
upstander_text_button_new (const char *label,
                           const char *action_name,
                           GVariant   *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *child = upstander_text_label_new (label, NULL);

  /* Whole words only, and a natural width of the whole text (up to a
   * limit), so a centred button is not squeezed to its longest word; for
   * Chinese, where a line may break between any two characters, the
   * natural width must be asked for explicitly or "继续" stacks up. */
  gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (child), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_max_width_chars (GTK_LABEL (child), 60);
  gtk_label_set_xalign (GTK_LABEL (child), 0.5);
  gtk_label_set_justify (GTK_LABEL (child), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  upstander_button_set_label_a11y (button, label);

  return button;
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  GtkWidget       *widget)
{
  UpstanderSaveFunc save = g_object_get_data (G_OBJECT (dialog), "save-func");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      save (widget, file);
    }

  g_object_unref (widget);
  g_object_unref (dialog);
}

/**
 * upstander_ask_where_to_save:
 * @title: the file chooser's title
 * @name: the file name it proposes
 * @save: what to do with the chosen file
 *
 * Asks for a file to save to, in a file chooser over @widget's window
 * (a portal's where there is one); @widget is kept alive until the answer.
 */
void
upstander_ask_where_to_save (GtkWidget         *widget,
                             const char        *title,
                             const char        *name,
                             UpstanderSaveFunc  save)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "save-func", save);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/*
 * An ending's star is the theme's 32 px picture, drawn at the size the
 * style sheet gives .ending-mark, which grows with every text size step.
 * Adwaita has these icons as PNG at 16, 24, 32, 48, 64 and 96 px only: an
 * icon name looked up at 19 or 23 px would make GTK read the SVG, which maps
 * librsvg into the app (docs/performance.md). Looked up at 32, scale 2 is
 * the 64 px PNG.
 */
#define ENDING_STAR_PICTURE_SIZE 32

/* The picture of a found (filled) or not yet found ending, for @widget's display and scale: (transfer full). */
GdkPaintable *
upstander_ending_star_lookup (GtkWidget *widget,
                              gboolean   found)
{
  GtkIconTheme *theme;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  return GDK_PAINTABLE (gtk_icon_theme_lookup_icon (theme, found ? "starred-symbolic" : "non-starred-symbolic",
                                                    NULL, ENDING_STAR_PICTURE_SIZE,
                                                    gtk_widget_get_scale_factor (widget),
                                                    GTK_TEXT_DIR_NONE, 0));
}

/*
 * The star of one ending, drawn from @picture (upstander_ending_star_lookup()
 * of the same @found): the story cards and the story map show endings with
 * it, so a star is one size at one text size everywhere. Silent for screen
 * readers: the words beside it say what it means.
 */
GtkWidget *
upstander_ending_star_new (GdkPaintable *picture,
                           gboolean      found)
{
  GtkWidget *star = gtk_image_new_from_paintable (picture);

  gtk_widget_add_css_class (star, "ending-mark");
  if (found)
    gtk_widget_add_css_class (star, "found");
  gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  return star;
}

/* upstander-window.c: the main window: the catalogue of stories and the player */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-player.h"
#include "upstander-window.h"

struct _UpstanderWindow
{
  AdwApplicationWindow parent_instance;

  UpstanderLibrary *library;

  GtkStack        *stack;
  GtkListView     *catalogue;
  UpstanderPlayer *player;
  GtkButton       *back_button;
};

G_DEFINE_FINAL_TYPE (UpstanderWindow, upstander_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_catalogue (UpstanderWindow *self)
{
  gboolean loaded = upstander_library_get_loaded (self->library);

  gtk_stack_set_visible_child_name (self->stack, loaded ? "catalogue" : "loading");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  upstander_player_set_session (self->player, NULL);
}

static void
library_loaded_cb (UpstanderWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    show_catalogue (self);
}

static void
catalogue_activate_cb (UpstanderWindow *self,
                       guint            position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->catalogue));
  g_autoptr(UpstanderScenario) scenario = g_list_model_get_item (model, position);
  g_autoptr(UpstanderSession) session = NULL;

  if (scenario == NULL)
    return;

  session = upstander_session_new (scenario);
  upstander_player_set_session (self->player, session);
  gtk_stack_set_visible_child_name (self->stack, "player");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_catalogue (UPSTANDER_WINDOW (widget));
}

static void
upstander_window_dispose (GObject *object)
{
  UpstanderWindow *self = (UpstanderWindow *)object;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);

  gtk_widget_dispose_template (GTK_WIDGET (self), UPSTANDER_TYPE_WINDOW);

  G_OBJECT_CLASS (upstander_window_parent_class)->dispose (object);
}

static void
upstander_window_class_init (UpstanderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upstander_window_dispose;

  g_type_ensure (UPSTANDER_TYPE_PLAYER);
  g_type_ensure (UPSTANDER_TYPE_SCENARIO);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/upstander-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, catalogue);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, player);
  gtk_widget_class_bind_template_child (widget_class, UpstanderWindow, back_button);
  gtk_widget_class_bind_template_callback (widget_class, catalogue_activate_cb);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
}

static void
upstander_window_init (UpstanderWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UpstanderWindow *
upstander_window_new (UpstanderApplication *application)
{
  UpstanderWindow *self;
  GtkSortListModel *sorted;
  g_autoptr(GtkStringSorter) sorter = NULL;

  g_return_val_if_fail (UPSTANDER_IS_APPLICATION (application), NULL);

  self = g_object_new (UPSTANDER_TYPE_WINDOW, "application", application, NULL);
  self->library = g_object_ref (upstander_application_get_library (application));

  sorter = gtk_string_sorter_new (gtk_property_expression_new (UPSTANDER_TYPE_SCENARIO, NULL, "title"));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->library)),
                                    GTK_SORTER (g_steal_pointer (&sorter)));
  gtk_list_view_set_model (self->catalogue, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));

  g_signal_connect_object (self->library, "notify::loaded",
                           G_CALLBACK (library_loaded_cb), self, G_CONNECT_SWAPPED);
  show_catalogue (self);

  return self;
}

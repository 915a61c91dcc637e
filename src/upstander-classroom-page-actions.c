/* upstander-classroom-page-actions.c: the teacher's moves: keys, clicks, votes, exports, printing
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander"

#include "config.h"

#include <glib/gi18n.h>

#include "upstander-classroom-page-private.h"
#include "upstander-handout.h"
#include "upstander-util.h"

/*
 * Every move goes to the presentation model or the run; the page redraws
 * from what they say. Files and printing need the library and settings the
 * window gave the page, never the application.
 */

#define MAX_KEYED_CHOICES 4
#define MAX_KEYED_STATEMENTS 5

static UpstanderScenario *
scenario_of (UpstanderClassroomPage *self)
{
  return upstander_class_run_get_scenario (self->run);
}

static void
advance_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  if (self->presentation != NULL)
    upstander_presentation_advance (self->presentation);
}

static void
step_back_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  if (self->presentation != NULL)
    upstander_presentation_step_back (self->presentation);
}

static void
vote_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  if (self->run != NULL)
    upstander_class_run_add_vote (self->run, g_variant_get_uint32 (parameter));
}

static void
unvote_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  if (self->run != NULL)
    upstander_class_run_remove_vote (self->run, g_variant_get_uint32 (parameter));
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  if (self->presentation != NULL)
    upstander_presentation_choose (self->presentation);
}

static void
summary_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  if (self->presentation != NULL)
    upstander_presentation_show_summary (self->presentation);
}

static void
skip_check_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  if (self->presentation != NULL)
    upstander_presentation_skip_check (self->presentation);
}

static void
voice_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);

  if (self->presentation != NULL)
    upstander_presentation_show_voice (self->presentation);
}

static void
fullscreen_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));

  if (window == NULL)
    return;

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
leave_fullscreen_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));

  /*
   * Escape leaves fullscreen, and never the lesson: going back ends the run,
   * and with it the votes, the hands counted and what the class typed. A
   * remote's or a reflex's Escape must not lose them; the Back button and
   * Alt+Left still leave.
   */
  if (window != NULL && gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
}

static void
notes_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.show-notes", NULL);
}

static void
finish_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.show-catalogue", NULL);
}

static void
show_error (UpstanderClassroomPage *self,
            GError                 *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Could Not Save"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  upstander_name_mnemonic_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static UpstanderDocument *
handout_document (UpstanderClassroomPage *self)
{
  g_autofree char *region = NULL;

  if (self->settings != NULL)
    region = upstander_settings_dup_effective_region (self->settings);

  return upstander_handout_new (scenario_of (self), self->library, region);
}

typedef enum { SAVE_CSV, SAVE_SUMMARY_PDF, SAVE_HANDOUT_PDF } SaveKind;

static void
save_response_cb (GtkNativeDialog        *dialog,
                  int                     response,
                  UpstanderClassroomPage *self)
{
  SaveKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "save-kind"));

  if (response == GTK_RESPONSE_ACCEPT && self->run != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (kind == SAVE_CSV)
        ok = upstander_classroom_page_export_csv (self, file, &error);
      else if (kind == SAVE_SUMMARY_PDF)
        ok = upstander_classroom_page_export_pdf (self, file, &error);
      else
        {
          g_autoptr(UpstanderDocument) doc = handout_document (self);
          g_autofree char *path = g_file_get_path (file);

          ok = path != NULL && upstander_document_write_pdf (doc, path, &error);
        }

      if (!ok && error != NULL)
        show_error (self, error);
    }

  g_object_unref (self);
  g_object_unref (dialog);
}

static void
ask_where (UpstanderClassroomPage *self,
           SaveKind                kind)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  const char *title;

  if (self->run == NULL)
    return;

  switch (kind)
    {
    case SAVE_CSV:
      title = _("Export Class Summary as CSV");
      name = g_strdup_printf ("%s-%s.csv", upstander_scenario_get_id (scenario_of (self)), "summary");
      break;
    case SAVE_SUMMARY_PDF:
      title = _("Export Class Summary as PDF");
      name = g_strdup_printf ("%s-%s.pdf", upstander_scenario_get_id (scenario_of (self)), "summary");
      break;
    case SAVE_HANDOUT_PDF:
    default:
      title = _("Export Lesson Handout as PDF");
      name = g_strdup_printf ("%s-%s.pdf", upstander_scenario_get_id (scenario_of (self)), "handout");
      break;
    }

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "save-kind", GINT_TO_POINTER (kind));
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_csv_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ask_where (UPSTANDER_CLASSROOM_PAGE (widget), SAVE_CSV);
}

static void
export_pdf_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ask_where (UPSTANDER_CLASSROOM_PAGE (widget), SAVE_SUMMARY_PDF);
}

static void
export_handout_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ask_where (UPSTANDER_CLASSROOM_PAGE (widget), SAVE_HANDOUT_PDF);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                UpstanderDocument *doc)
{
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);

  upstander_document_paginate (doc, pango_context,
                               gtk_print_context_get_width (context),
                               gtk_print_context_get_height (context));
  g_object_unref (pango_context);
  gtk_print_operation_set_n_pages (operation, upstander_document_get_n_pages (doc));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              UpstanderDocument *doc)
{
  upstander_document_draw_page (doc, gtk_print_context_get_cairo_context (context), page);
}

static void
print_handout_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  UpstanderClassroomPage *self = UPSTANDER_CLASSROOM_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  UpstanderDocument *doc;

  if (self->run == NULL)
    return;

  doc = handout_document (self);
  operation = gtk_print_operation_new ();
  /* The document draws its own margins and page numbers. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, upstander_scenario_get_title (scenario_of (self)));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), doc);
  g_object_set_data_full (G_OBJECT (operation), "document", doc, (GDestroyNotify) upstander_document_free);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (gtk_widget_get_root (widget)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error);
}

static gboolean
at_view (UpstanderClassroomPage    *self,
         UpstanderPresentationView  view)
{
  return self->presentation != NULL && upstander_presentation_get_view (self->presentation) == view;
}

static gboolean
at_decision (UpstanderClassroomPage *self)
{
  return at_view (self, UPSTANDER_PRESENTATION_DECISION);
}

static gboolean
focus_is_button (UpstanderClassroomPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (GTK_IS_BUTTON (focus) || GTK_IS_CHECK_BUTTON (focus) ||
                           gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) != NULL);
}

/*
 * The digits 1–4 add a vote for the card with that number on screen, Shift
 * with them takes one away. Shift changes the key's symbol ("!" on a US
 * keyboard), so the key is read without its modifiers too.
 */
static int
digit_of (GtkEventControllerKey *controller,
          guint                  keyval,
          guint                  keycode)
{
  GdkDisplay *display;
  guint plain = 0;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_1;
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_1;

  display = gtk_widget_get_display (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  if (display != NULL &&
      gdk_display_translate_key (display, keycode, 0, 0, &plain, NULL, NULL, NULL) &&
      plain >= GDK_KEY_1 && plain <= GDK_KEY_9)
    return plain - GDK_KEY_1;

  return -1;
}

static gboolean
key_pressed_cb (GtkEventControllerKey  *controller,
                guint                   keyval,
                guint                   keycode,
                GdkModifierType         state,
                UpstanderClassroomPage *self)
{
  int digit;

  /* "Our class says" is typed: every key is the teacher's text. */
  if (self->presentation == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 ||
      at_view (self, UPSTANDER_PRESENTATION_VOICE))
    return GDK_EVENT_PROPAGATE;

  /* The arrows point the way the lesson reads: in a right-to-left
   * language the next line is to the left. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    {
      if (keyval == GDK_KEY_Left)
        keyval = GDK_KEY_Right;
      else if (keyval == GDK_KEY_Right)
        keyval = GDK_KEY_Left;
    }

  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      /* At a decision or the check, a focused counting button or path
       * takes Space itself; elsewhere the only thing Space can mean is "on". */
      if ((at_decision (self) || at_view (self, UPSTANDER_PRESENTATION_CHECK)) && focus_is_button (self))
        return GDK_EVENT_PROPAGATE;
      G_GNUC_FALLTHROUGH;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      upstander_presentation_advance (self->presentation);
      return GDK_EVENT_STOP;

    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      upstander_presentation_step_back (self->presentation);
      return GDK_EVENT_STOP;

    default:
      break;
    }

  digit = digit_of (controller, keyval, keycode);
  if (digit >= 0 && digit < MAX_KEYED_CHOICES && at_decision (self))
    {
      if (state & GDK_SHIFT_MASK)
        upstander_class_run_remove_vote (self->run, digit);
      else
        upstander_class_run_add_vote (self->run, digit);
      return GDK_EVENT_STOP;
    }

  /* At the check, the digits count hands for its numbered statements. */
  if (digit >= 0 && digit < MAX_KEYED_STATEMENTS && at_view (self, UPSTANDER_PRESENTATION_CHECK))
    {
      UpstanderClassCheck *check = upstander_class_run_get_check (self->run);

      if (state & GDK_SHIFT_MASK)
        upstander_class_check_remove_hand (check, digit);
      else
        upstander_class_check_add_hand (check, digit);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/* A click on the story itself (not on a button) moves on, as a slide does. */
static void
click_released_cb (GtkGestureClick        *gesture,
                   int                     n_press,
                   double                  x,
                   double                  y,
                   UpstanderClassroomPage *self)
{
  GtkWidget *target = gtk_widget_pick (self->scroller, x, y, GTK_PICK_DEFAULT);
  UpstanderPresentationView view;

  if (self->presentation == NULL ||
      (target != NULL && (GTK_IS_BUTTON (target) || gtk_widget_get_ancestor (target, GTK_TYPE_BUTTON) != NULL ||
                          gtk_widget_get_ancestor (target, GTK_TYPE_CHECK_BUTTON) != NULL ||
                          gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLBAR) != NULL)))
    return;

  view = upstander_presentation_get_view (self->presentation);
  if (view == UPSTANDER_PRESENTATION_SCENE || view == UPSTANDER_PRESENTATION_FEEDBACK)
    upstander_presentation_advance (self->presentation);
}

void
_upstander_classroom_page_class_actions_init (UpstanderClassroomPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "classroom.advance", NULL, advance_activated);
  gtk_widget_class_install_action (widget_class, "classroom.step-back", NULL, step_back_activated);
  gtk_widget_class_install_action (widget_class, "classroom.vote", "u", vote_activated);
  gtk_widget_class_install_action (widget_class, "classroom.unvote", "u", unvote_activated);
  gtk_widget_class_install_action (widget_class, "classroom.choose", NULL, choose_activated);
  gtk_widget_class_install_property_action (widget_class, "classroom.panel", "panel");
  gtk_widget_class_install_action (widget_class, "classroom.summary", NULL, summary_activated);
  gtk_widget_class_install_action (widget_class, "classroom.skip-check", NULL, skip_check_activated);
  gtk_widget_class_install_action (widget_class, "classroom.voice", NULL, voice_activated);
  gtk_widget_class_install_action (widget_class, "classroom.finish", NULL, finish_activated);
  gtk_widget_class_install_action (widget_class, "classroom.fullscreen", NULL, fullscreen_activated);
  gtk_widget_class_install_action (widget_class, "classroom.leave-fullscreen", NULL, leave_fullscreen_activated);
  gtk_widget_class_install_action (widget_class, "classroom.notes", NULL, notes_activated);
  gtk_widget_class_install_action (widget_class, "classroom.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "classroom.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "classroom.export-handout", NULL, export_handout_activated);
  gtk_widget_class_install_action (widget_class, "classroom.print-handout", NULL, print_handout_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "classroom.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "classroom.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "classroom.leave-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "classroom.notes", NULL);
}

/* The keys and the click go first to the page: they are the teacher's remote. */
void
_upstander_classroom_page_actions_init (UpstanderClassroomPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (self->scroller, GTK_EVENT_CONTROLLER (click));
}

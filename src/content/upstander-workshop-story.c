/* upstander-workshop-story.c: a story being written in the workshop, with undo, checks and bundle XML
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "upstander-content"

#include "upstander-workshop-story.h"

#include "upstander-bundle-private.h"
#include "upstander-enums.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

/*
 * The workshop writes one scenario in one bundle. Everything a person does to
 * it goes through this object, so that it can be undone: a change of a text is
 * a SET command, adding and removing an item INSERT and REMOVE, moving it MOVE.
 *
 * The bundle XML is built with libxml2's tree API, never by pasting strings,
 * so no text can break out of its element. Whether a story passes is decided
 * by the real loader: the workshop serialises the story, loads the result with
 * upstander_bundle_load_bytes() and maps each diagnostic's line back to the
 * item whose element starts on that line. Its own checks come first only so
 * that the common problems can be said in the reader's language.
 */

#define BUNDLE_NAMESPACE "urn:upstander:bundle:1"
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)
#define MAX_UNDO 500

typedef enum
{
  COMMAND_SET,
  COMMAND_INSERT,
  COMMAND_REMOVE,
  COMMAND_MOVE,
} CommandType;

typedef struct
{
  CommandType            type;
  GObject               *target;     /* SET: the story or an item */
  gboolean               owns_target; /* not when it is the story: no cycle */
  char                  *property;
  char                  *old_value;
  char                  *new_value;
  GListStore            *store;      /* INSERT, REMOVE, MOVE */
  UpstanderWorkshopItem *item;
  guint                  position;
  guint                  new_position;
} Command;

struct _UpstanderWorkshopStory
{
  GObject parent_instance;

  char       *bundle_id;
  char       *scenario_id;
  char       *language;
  guint       version;

  char       *title;
  char       *summary;
  char       *goal;
  char       *ages;

  GListStore *topics;
  GListStore *cast;
  GListStore *scenes;
  GListStore *endings;

  GPtrArray  *undo_stack;   /* Command */
  GPtrArray  *redo_stack;   /* Command */
  gboolean    merge_open;   /* typing into the same field extends the last SET */
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_GOAL,
  PROP_AGES,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (UpstanderWorkshopStory, upstander_workshop_story, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

void
upstander_workshop_problem_free (UpstanderWorkshopProblem *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->item);
  g_free (self->message);
  g_free (self);
}

/* How many of @problems (UpstanderWorkshopProblem) are errors: a story passes with none. */
guint
upstander_workshop_count_errors (GPtrArray *problems)
{
  guint n = 0;

  g_return_val_if_fail (problems != NULL, 0);

  for (guint i = 0; i < problems->len; i++)
    n += ((UpstanderWorkshopProblem *) g_ptr_array_index (problems, i))->severity == UPSTANDER_SEVERITY_ERROR;

  return n;
}

static void
command_free (gpointer data)
{
  Command *command = data;

  if (command->owns_target)
    g_clear_object (&command->target);
  g_free (command->property);
  g_free (command->old_value);
  g_free (command->new_value);
  g_clear_object (&command->store);
  g_clear_object (&command->item);
  g_free (command);
}

static void
upstander_workshop_story_finalize (GObject *object)
{
  UpstanderWorkshopStory *self = (UpstanderWorkshopStory *)object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_free (self->bundle_id);
  g_free (self->scenario_id);
  g_free (self->language);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->goal);
  g_free (self->ages);
  g_clear_object (&self->topics);
  g_clear_object (&self->cast);
  g_clear_object (&self->scenes);
  g_clear_object (&self->endings);

  G_OBJECT_CLASS (upstander_workshop_story_parent_class)->finalize (object);
}

static char **
text_slot (UpstanderWorkshopStory *self,
           guint                   prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE: return &self->title;
    case PROP_SUMMARY: return &self->summary;
    case PROP_GOAL: return &self->goal;
    case PROP_AGES: return &self->ages;
    default: return NULL;
    }
}

static void
upstander_workshop_story_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  UpstanderWorkshopStory *self = UPSTANDER_WORKSHOP_STORY (object);
  char **slot = text_slot (self, prop_id);

  if (slot != NULL)
    g_value_set_string (value, *slot);
  else if (prop_id == PROP_CAN_UNDO)
    g_value_set_boolean (value, upstander_workshop_story_can_undo (self));
  else if (prop_id == PROP_CAN_REDO)
    g_value_set_boolean (value, upstander_workshop_story_can_redo (self));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
upstander_workshop_story_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  UpstanderWorkshopStory *self = UPSTANDER_WORKSHOP_STORY (object);
  char **slot = text_slot (self, prop_id);
  g_autofree char *text = NULL;

  if (slot == NULL)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  text = upstander_workshop_clean_text (g_value_get_string (value));
  if (g_strcmp0 (*slot, text) == 0)
    return;

  g_free (*slot);
  *slot = g_steal_pointer (&text);
  g_object_notify_by_pspec (object, pspec);
}

static void
upstander_workshop_story_class_init (UpstanderWorkshopStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = upstander_workshop_story_finalize;
  object_class->get_property = upstander_workshop_story_get_property;
  object_class->set_property = upstander_workshop_story_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_GOAL] =
    g_param_spec_string ("goal", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_AGES] =
    g_param_spec_string ("ages", NULL, NULL, "8-11",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UpstanderWorkshopStory::changed:
   *
   * Emitted after every edit, undo and redo: time to check the story again.
   */
  signals [SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
upstander_workshop_story_init (UpstanderWorkshopStory *self)
{
  self->title = g_strdup ("");
  self->summary = g_strdup ("");
  self->goal = g_strdup ("");
  self->ages = g_strdup ("8-11");
  self->version = 1;
  self->topics = g_list_store_new (UPSTANDER_TYPE_WORKSHOP_ITEM);
  self->cast = g_list_store_new (UPSTANDER_TYPE_WORKSHOP_ITEM);
  self->scenes = g_list_store_new (UPSTANDER_TYPE_WORKSHOP_ITEM);
  self->endings = g_list_store_new (UPSTANDER_TYPE_WORKSHOP_ITEM);
  self->undo_stack = g_ptr_array_new_with_free_func (command_free);
  self->redo_stack = g_ptr_array_new_with_free_func (command_free);
}

static char *
random_id (void)
{
  return g_strdup_printf ("workshop-%08x%04x", g_random_int (), g_random_int_range (0, 0x10000));
}

/**
 * upstander_workshop_story_new:
 * @language: the language the story is written in, e.g. "fr"
 * @player_name: what the reader is called in the cast, in @language ("You")
 *
 * An empty story with a fresh id and one person: the reader.
 */
UpstanderWorkshopStory *
upstander_workshop_story_new (const char *language,
                              const char *player_name)
{
  UpstanderWorkshopStory *self;
  g_autoptr(UpstanderWorkshopItem) player = NULL;

  g_return_val_if_fail (language != NULL && upstander_language_tag_is_valid (language), NULL);
  g_return_val_if_fail (player_name != NULL, NULL);

  self = g_object_new (UPSTANDER_TYPE_WORKSHOP_STORY, NULL);
  self->bundle_id = random_id ();
  self->scenario_id = g_strdup ("story");
  self->language = upstander_language_tag_normalize (language, UPSTANDER_LANGUAGE_TAG_BCP47);

  player = upstander_workshop_item_new (UPSTANDER_WORKSHOP_PERSON, "you");
  g_object_set (player, "name", player_name,
                "role", upstander_enum_to_nick (UPSTANDER_TYPE_ROLE, UPSTANDER_ROLE_PLAYER), NULL);
  g_list_store_append (self->cast, player);

  return self;
}

const char *
upstander_workshop_story_get_bundle_id (UpstanderWorkshopStory *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  return self->bundle_id;
}

/* The id of the story's one scenario: with the bundle id, what progress is kept under. */
const char *
upstander_workshop_story_get_scenario_id (UpstanderWorkshopStory *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  return self->scenario_id;
}

const char *
upstander_workshop_story_get_language (UpstanderWorkshopStory *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  return self->language;
}

guint
upstander_workshop_story_get_version (UpstanderWorkshopStory *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), 0);

  return self->version;
}

/* A published story that changed gets a new version, so old progress is not mixed in. */
void
upstander_workshop_story_bump_version (UpstanderWorkshopStory *self)
{
  g_return_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self));

  if (self->version < G_MAXINT)
    self->version++;
}

/* The story's own text property @property ("title", "summary", "goal", "ages"). */
const char *
upstander_workshop_story_get (UpstanderWorkshopStory *self,
                              const char             *property)
{
  GParamSpec *pspec;
  char **slot;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), "");
  g_return_val_if_fail (property != NULL, "");

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);
  slot = pspec != NULL ? text_slot (self, pspec->param_id) : NULL;
  g_return_val_if_fail (slot != NULL, "");

  return *slot;
}

GListModel *
upstander_workshop_story_get_topics (UpstanderWorkshopStory *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  return G_LIST_MODEL (self->topics);
}

GListModel *
upstander_workshop_story_get_cast (UpstanderWorkshopStory *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  return G_LIST_MODEL (self->cast);
}

GListModel *
upstander_workshop_story_get_scenes (UpstanderWorkshopStory *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  return G_LIST_MODEL (self->scenes);
}

GListModel *
upstander_workshop_story_get_endings (UpstanderWorkshopStory *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  return G_LIST_MODEL (self->endings);
}

static UpstanderWorkshopItem *
item_at (GListModel *model,
         guint       position)
{
  /* The stores own their items; callers only borrow them. */
  g_autoptr(UpstanderWorkshopItem) item = g_list_model_get_item (model, position);

  return item;
}

static UpstanderWorkshopItem *
find_in (GListModel *model,
         const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      UpstanderWorkshopItem *item = item_at (model, i);

      if (g_strcmp0 (upstander_workshop_item_get_id (item), id) == 0)
        return item;
    }

  return NULL;
}

/**
 * upstander_workshop_story_lookup:
 *
 * The person, topic, scene, ending or choice with id @id, or %NULL. Scene and
 * ending ids share one namespace, as in the bundle format.
 */
UpstanderWorkshopItem *
upstander_workshop_story_lookup (UpstanderWorkshopStory *self,
                                 const char             *id)
{
  UpstanderWorkshopItem *found;
  guint n_scenes;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  if (id == NULL || id[0] == '\0')
    return NULL;

  if ((found = find_in (G_LIST_MODEL (self->scenes), id)) != NULL ||
      (found = find_in (G_LIST_MODEL (self->endings), id)) != NULL ||
      (found = find_in (G_LIST_MODEL (self->cast), id)) != NULL ||
      (found = find_in (G_LIST_MODEL (self->topics), id)) != NULL)
    return found;

  n_scenes = g_list_model_get_n_items (G_LIST_MODEL (self->scenes));
  for (guint i = 0; i < n_scenes; i++)
    {
      UpstanderWorkshopItem *scene = item_at (G_LIST_MODEL (self->scenes), i);

      if ((found = find_in (upstander_workshop_item_get_choices (scene), id)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
store_contains (GListModel *model,
                gpointer    item,
                guint      *position)
{
  return g_list_store_find (G_LIST_STORE (model), item, position);
}

/* The scene that holds @item (a line or a choice), or %NULL. */
UpstanderWorkshopItem *
upstander_workshop_story_find_parent (UpstanderWorkshopStory *self,
                                      UpstanderWorkshopItem  *item)
{
  guint n_scenes;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (item), NULL);

  n_scenes = g_list_model_get_n_items (G_LIST_MODEL (self->scenes));
  for (guint i = 0; i < n_scenes; i++)
    {
      UpstanderWorkshopItem *scene = item_at (G_LIST_MODEL (self->scenes), i);
      guint position;

      if (store_contains (upstander_workshop_item_get_lines (scene), item, &position) ||
          store_contains (upstander_workshop_item_get_choices (scene), item, &position))
        return scene;
    }

  return NULL;
}

/* The list that holds @item, wherever it is. */
static GListStore *
store_of (UpstanderWorkshopStory *self,
          UpstanderWorkshopItem  *item,
          guint                  *position)
{
  UpstanderWorkshopItem *scene;
  GListStore *stores[] = { self->topics, self->cast, self->scenes, self->endings };

  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    if (g_list_store_find (stores[i], item, position))
      return stores[i];

  scene = upstander_workshop_story_find_parent (self, item);
  if (scene == NULL)
    return NULL;
  if (store_contains (upstander_workshop_item_get_lines (scene), item, position))
    return G_LIST_STORE (upstander_workshop_item_get_lines (scene));
  if (store_contains (upstander_workshop_item_get_choices (scene), item, position))
    return G_LIST_STORE (upstander_workshop_item_get_choices (scene));

  return NULL;
}

/* Undo and redo. */

static void
run_command (Command  *command,
             gboolean  forward)
{
  switch (command->type)
    {
    case COMMAND_SET:
      g_object_set (command->target, command->property,
                    forward ? command->new_value : command->old_value, NULL);
      break;

    case COMMAND_INSERT:
    case COMMAND_REMOVE:
      if ((command->type == COMMAND_INSERT) == forward)
        g_list_store_insert (command->store, command->position, command->item);
      else
        g_list_store_remove (command->store, command->position);
      break;

    case COMMAND_MOVE:
      g_list_store_remove (command->store, forward ? command->position : command->new_position);
      g_list_store_insert (command->store, forward ? command->new_position : command->position,
                           command->item);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
notify_undo_state (UpstanderWorkshopStory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
  g_signal_emit (self, signals [SIGNAL_CHANGED], 0);
}

/* Runs @command and keeps it for undo; a new edit forgets what could be redone. */
static void
push_command (UpstanderWorkshopStory *self,
              Command                *command)
{
  run_command (command, TRUE);
  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, command);
  if (self->undo_stack->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo_stack, 0);
  self->merge_open = command->type == COMMAND_SET;
  notify_undo_state (self);
}

/**
 * upstander_workshop_story_set:
 * @object: the story or one of its items
 * @property: a text property of @object
 * @value: (nullable): the new text
 *
 * Changes a text. Typing into one field makes one undo step: a change of the
 * same property of the same object right after the last one extends it,
 * until upstander_workshop_story_break_merge() or any other edit.
 */
void
upstander_workshop_story_set (UpstanderWorkshopStory *self,
                              gpointer                object,
                              const char             *property,
                              const char             *value)
{
  g_autofree char *old_value = NULL;
  g_autofree char *clean = NULL;
  Command *last;
  Command *command;
  GParamSpec *pspec;

  g_return_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self));
  g_return_if_fail (object == self || UPSTANDER_IS_WORKSHOP_ITEM (object));
  g_return_if_fail (property != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL && pspec->value_type == G_TYPE_STRING &&
                    (pspec->flags & G_PARAM_WRITABLE) != 0 &&
                    (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0);
  g_return_if_fail (g_strcmp0 (property, "id") != 0);

  clean = upstander_workshop_clean_text (value);
  value = clean;

  g_object_get (object, property, &old_value, NULL);
  if (g_strcmp0 (old_value, value) == 0)
    return;

  last = self->undo_stack->len > 0 ? g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1) : NULL;
  if (self->merge_open && last != NULL && last->type == COMMAND_SET &&
      last->target == object && g_str_equal (last->property, property))
    {
      g_free (last->new_value);
      last->new_value = g_strdup (value);
      run_command (last, TRUE);
      g_ptr_array_set_size (self->redo_stack, 0);
      notify_undo_state (self);
      return;
    }

  command = g_new0 (Command, 1);
  command->type = COMMAND_SET;
  command->owns_target = object != (gpointer) self;
  command->target = command->owns_target ? g_object_ref (object) : object;
  command->property = g_strdup (property);
  command->old_value = g_steal_pointer (&old_value);
  command->new_value = g_strdup (value);
  push_command (self, command);
}

/* The next edit starts a new undo step, even in the same field. */
void
upstander_workshop_story_break_merge (UpstanderWorkshopStory *self)
{
  g_return_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self));

  self->merge_open = FALSE;
}

gboolean
upstander_workshop_story_can_undo (UpstanderWorkshopStory *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
upstander_workshop_story_can_redo (UpstanderWorkshopStory *self)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), FALSE);

  return self->redo_stack->len > 0;
}

gboolean
upstander_workshop_story_undo (UpstanderWorkshopStory *self)
{
  Command *command;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  run_command (command, FALSE);
  g_ptr_array_add (self->redo_stack, command);
  self->merge_open = FALSE;
  notify_undo_state (self);

  return TRUE;
}

gboolean
upstander_workshop_story_redo (UpstanderWorkshopStory *self)
{
  Command *command;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), FALSE);

  if (self->redo_stack->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  run_command (command, TRUE);
  g_ptr_array_add (self->undo_stack, command);
  self->merge_open = FALSE;
  notify_undo_state (self);

  return TRUE;
}

static void
insert_item (UpstanderWorkshopStory *self,
             GListModel             *store,
             guint                   position,
             UpstanderWorkshopItem  *item)
{
  Command *command = g_new0 (Command, 1);

  command->type = COMMAND_INSERT;
  command->store = g_object_ref (G_LIST_STORE (store));
  command->item = g_object_ref (item);
  command->position = position;
  push_command (self, command);
}

/* An id of the form PREFIX-N that nothing in the story uses yet. */
static char *
unused_id (UpstanderWorkshopStory *self,
           const char             *prefix)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, n);

      if (upstander_workshop_story_lookup (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/*
 * A new item of @kind at the end of @store, with a fresh id made from
 * @id_prefix (none when %NULL) and @property set to @value: one undo step.
 * The store keeps it; the caller borrows it.
 */
static UpstanderWorkshopItem *
append_item (UpstanderWorkshopStory *self,
             GListModel             *store,
             UpstanderWorkshopKind   kind,
             const char             *id_prefix,
             const char             *property,
             const char             *value)
{
  g_autofree char *id = id_prefix != NULL ? unused_id (self, id_prefix) : g_strdup ("");
  g_autoptr(UpstanderWorkshopItem) item = upstander_workshop_item_new (kind, id);

  g_object_set (item, property, value, NULL);
  insert_item (self, store, g_list_model_get_n_items (store), item);

  return item;
}

UpstanderWorkshopItem *
upstander_workshop_story_add_person (UpstanderWorkshopStory *self,
                                     const char             *name)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  return append_item (self, G_LIST_MODEL (self->cast), UPSTANDER_WORKSHOP_PERSON, "person", "name", name);
}

/* Files the story under topic @id, named @name in the story's language. */
UpstanderWorkshopItem *
upstander_workshop_story_add_topic (UpstanderWorkshopStory *self,
                                    const char             *id,
                                    const char             *name)
{
  UpstanderWorkshopItem *topic;
  g_autoptr(UpstanderWorkshopItem) item = NULL;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);
  g_return_val_if_fail (id != NULL && name != NULL, NULL);

  if ((topic = find_in (G_LIST_MODEL (self->topics), id)) != NULL)
    return topic;

  item = upstander_workshop_item_new (UPSTANDER_WORKSHOP_TOPIC, id);
  g_object_set (item, "name", name, NULL);
  insert_item (self, G_LIST_MODEL (self->topics), g_list_model_get_n_items (G_LIST_MODEL (self->topics)), item);

  return item;
}

UpstanderWorkshopItem *
upstander_workshop_story_add_scene (UpstanderWorkshopStory *self,
                                    const char             *place)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  return append_item (self, G_LIST_MODEL (self->scenes), UPSTANDER_WORKSHOP_SCENE, "scene",
                      "place", place != NULL ? place
                                             : upstander_enum_to_nick (UPSTANDER_TYPE_PLACE, UPSTANDER_PLACE_GROUP_CHAT));
}

/* A line in @scene: a message from @speaker (a person's id), or narration when it is empty. */
UpstanderWorkshopItem *
upstander_workshop_story_add_line (UpstanderWorkshopStory *self,
                                   UpstanderWorkshopItem  *scene,
                                   const char             *speaker,
                                   const char             *text)
{
  g_autoptr(UpstanderWorkshopItem) line = NULL;
  GListModel *lines;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (scene), NULL);
  g_return_val_if_fail (upstander_workshop_item_get_kind (scene) == UPSTANDER_WORKSHOP_SCENE, NULL);

  lines = upstander_workshop_item_get_lines (scene);
  line = upstander_workshop_item_new (UPSTANDER_WORKSHOP_LINE, "");
  g_object_set (line, "speaker", speaker, "text", text, NULL);
  insert_item (self, lines, g_list_model_get_n_items (lines), line);

  return line;
}

/* A choice in @scene's decision, or %NULL when it has the most it may have. */
UpstanderWorkshopItem *
upstander_workshop_story_add_choice (UpstanderWorkshopStory *self,
                                     UpstanderWorkshopItem  *scene)
{
  GListModel *choices;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (scene), NULL);
  g_return_val_if_fail (upstander_workshop_item_get_kind (scene) == UPSTANDER_WORKSHOP_SCENE, NULL);

  choices = upstander_workshop_item_get_choices (scene);
  if (g_list_model_get_n_items (choices) >= UPSTANDER_WORKSHOP_MAX_CHOICES)
    return NULL;

  return append_item (self, choices, UPSTANDER_WORKSHOP_CHOICE, "choice",
                      "effect", upstander_enum_to_nick (UPSTANDER_TYPE_EFFECT, UPSTANDER_EFFECT_HELPFUL));
}

UpstanderWorkshopItem *
upstander_workshop_story_add_ending (UpstanderWorkshopStory *self,
                                     const char             *outcome)
{
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  return append_item (self, G_LIST_MODEL (self->endings), UPSTANDER_WORKSHOP_ENDING, "ending",
                      "outcome", outcome != NULL ? outcome
                                                 : upstander_enum_to_nick (UPSTANDER_TYPE_OUTCOME, UPSTANDER_OUTCOME_POSITIVE));
}

/* Removes @item from wherever it is. The reader can never be removed. */
gboolean
upstander_workshop_story_remove (UpstanderWorkshopStory *self,
                                 UpstanderWorkshopItem  *item)
{
  Command *command;
  GListStore *store;
  guint position;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), FALSE);
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (item), FALSE);

  if (g_strcmp0 (upstander_workshop_item_get (item, "role"),
                 upstander_enum_to_nick (UPSTANDER_TYPE_ROLE, UPSTANDER_ROLE_PLAYER)) == 0)
    return FALSE;

  store = store_of (self, item, &position);
  if (store == NULL)
    return FALSE;

  command = g_new0 (Command, 1);
  command->type = COMMAND_REMOVE;
  command->store = g_object_ref (store);
  command->item = g_object_ref (item);
  command->position = position;
  push_command (self, command);

  return TRUE;
}

/* Moves @item @delta places up (negative) or down its list; FALSE at an end. */
gboolean
upstander_workshop_story_move (UpstanderWorkshopStory *self,
                               UpstanderWorkshopItem  *item,
                               int                     delta)
{
  Command *command;
  GListStore *store;
  guint position;
  gint64 target;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), FALSE);
  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_ITEM (item), FALSE);

  store = store_of (self, item, &position);
  if (store == NULL || delta == 0)
    return FALSE;

  target = (gint64) position + delta;
  if (target < 0 || target >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return FALSE;

  command = g_new0 (Command, 1);
  command->type = COMMAND_MOVE;
  command->store = g_object_ref (store);
  command->item = g_object_ref (item);
  command->position = position;
  command->new_position = (guint) target;
  push_command (self, command);

  return TRUE;
}

/* Bundle XML, written. */

typedef struct
{
  xmlDoc     *doc;
  xmlNs      *ns;
  GHashTable *items;   /* xmlNode* → UpstanderWorkshopItem*, borrowed */
} Writer;

static xmlNode *
add_element (Writer                *writer,
             xmlNode               *parent,
             const char            *name,
             UpstanderWorkshopItem *item)
{
  xmlNode *node = xmlNewChild (parent, writer->ns, BAD_CAST name, NULL);

  if (item != NULL)
    g_hash_table_insert (writer->items, node, item);

  return node;
}

/* xmlNewTextChild escapes the text: it can only ever be character data. */
static xmlNode *
add_text (Writer                *writer,
          xmlNode               *parent,
          const char            *name,
          const char            *text,
          UpstanderWorkshopItem *item)
{
  xmlNode *node = xmlNewTextChild (parent, writer->ns, BAD_CAST name, BAD_CAST text);

  if (item != NULL)
    g_hash_table_insert (writer->items, node, item);

  return node;
}

static void
set_attribute (xmlNode    *node,
               const char *name,
               const char *value)
{
  xmlSetProp (node, BAD_CAST name, BAD_CAST value);
}

static const char *
item_text (UpstanderWorkshopItem *item,
           const char            *property)
{
  return upstander_workshop_item_get (item, property);
}

static void
write_scene (Writer                *writer,
             xmlNode               *scenario,
             UpstanderWorkshopItem *scene,
             gboolean               start)
{
  GListModel *lines = upstander_workshop_item_get_lines (scene);
  GListModel *choices = upstander_workshop_item_get_choices (scene);
  xmlNode *node = add_element (writer, scenario, "scene", scene);

  set_attribute (node, "id", upstander_workshop_item_get_id (scene));
  set_attribute (node, "place", item_text (scene, "place"));
  if (start)
    set_attribute (node, "start", "yes");

  if (item_text (scene, "title")[0] != '\0')
    add_text (writer, node, "title", item_text (scene, "title"), scene);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      UpstanderWorkshopItem *line = item_at (lines, i);
      const char *speaker = item_text (line, "speaker");
      xmlNode *element;

      if (speaker[0] != '\0')
        {
          element = add_element (writer, node, "message", line);
          set_attribute (element, "from", speaker);
        }
      else
        {
          element = add_element (writer, node, "narration", line);
        }
      add_text (writer, element, "text", item_text (line, "text"), line);
    }

  if (g_list_model_get_n_items (choices) > 0)
    {
      xmlNode *decision = add_element (writer, node, "decision", NULL);

      add_text (writer, decision, "prompt", item_text (scene, "prompt"), NULL);
      if (item_text (scene, "question")[0] != '\0')
        {
          xmlNode *discuss = add_element (writer, decision, "discuss", NULL);

          add_text (writer, discuss, "question", item_text (scene, "question"), NULL);
        }

      for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
        {
          UpstanderWorkshopItem *choice = item_at (choices, i);
          xmlNode *element = add_element (writer, decision, "choice", choice);
          xmlNode *feedback;

          set_attribute (element, "id", upstander_workshop_item_get_id (choice));
          set_attribute (element, "next", item_text (choice, "next"));
          set_attribute (element, "effect", item_text (choice, "effect"));
          add_text (writer, element, "label", item_text (choice, "label"), choice);
          feedback = add_element (writer, element, "feedback", choice);
          add_text (writer, feedback, "text", item_text (choice, "feedback"), choice);
        }
    }
  else
    {
      xmlNode *way_on = add_element (writer, node, "continue", NULL);

      set_attribute (way_on, "next", item_text (scene, "next"));
    }

  if (item_text (scene, "notes")[0] != '\0')
    {
      xmlNode *notes = add_element (writer, node, "facilitator", NULL);

      add_text (writer, notes, "text", item_text (scene, "notes"), NULL);
    }
}

static xmlDoc *
build_document (UpstanderWorkshopStory *self,
                GHashTable             *items)
{
  Writer writer = { NULL, NULL, items };
  g_autofree char *version = g_strdup_printf ("%u", self->version);
  g_autofree char *minutes = NULL;
  g_autoptr(GString) topic_ids = g_string_new (NULL);
  xmlNode *root, *info, *scenario, *cast;
  guint n_scenes = g_list_model_get_n_items (G_LIST_MODEL (self->scenes));

  writer.doc = xmlNewDoc (BAD_CAST "1.0");
  root = xmlNewDocNode (writer.doc, NULL, BAD_CAST "bundle", NULL);
  xmlDocSetRootElement (writer.doc, root);
  writer.ns = xmlNewNs (root, BAD_CAST BUNDLE_NAMESPACE, NULL);
  xmlSetNs (root, writer.ns);
  set_attribute (root, "id", self->bundle_id);
  set_attribute (root, "version", version);
  xmlNodeSetLang (root, BAD_CAST self->language);

  info = add_element (&writer, root, "info", NULL);
  add_text (&writer, info, "name", self->title, NULL);
  add_text (&writer, info, "description", self->summary, NULL);
  add_text (&writer, info, "author", "Upstander workshop", NULL);
  add_text (&writer, info, "license", "CC-BY-SA-4.0", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->topics)); i++)
    {
      UpstanderWorkshopItem *topic = item_at (G_LIST_MODEL (self->topics), i);
      xmlNode *node = add_element (&writer, root, "topic", topic);

      set_attribute (node, "id", upstander_workshop_item_get_id (topic));
      add_text (&writer, node, "name", item_text (topic, "name"), topic);
      g_string_append_printf (topic_ids, "%s%s", i > 0 ? " " : "", upstander_workshop_item_get_id (topic));
    }

  /* About two minutes a scene: the catalogue shows it, nothing depends on it. */
  minutes = g_strdup_printf ("%u", CLAMP (n_scenes * 2, 1, 120));
  scenario = add_element (&writer, root, "scenario", NULL);
  set_attribute (scenario, "id", self->scenario_id);
  set_attribute (scenario, "version", version);
  set_attribute (scenario, "ages", self->ages);
  set_attribute (scenario, "minutes", minutes);
  set_attribute (scenario, "topics", topic_ids->str);
  add_text (&writer, scenario, "title", self->title, NULL);
  add_text (&writer, scenario, "summary", self->summary, NULL);
  add_text (&writer, scenario, "goal", self->goal, NULL);

  cast = add_element (&writer, scenario, "cast", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->cast)); i++)
    {
      UpstanderWorkshopItem *person = item_at (G_LIST_MODEL (self->cast), i);
      xmlNode *node = add_element (&writer, cast, "person", person);

      set_attribute (node, "id", upstander_workshop_item_get_id (person));
      if (item_text (person, "role")[0] != '\0')
        set_attribute (node, "role", item_text (person, "role"));
      if (item_text (person, "avatar")[0] != '\0')
        set_attribute (node, "avatar", item_text (person, "avatar"));
      add_text (&writer, node, "name", item_text (person, "name"), person);
    }

  for (guint i = 0; i < n_scenes; i++)
    write_scene (&writer, scenario, item_at (G_LIST_MODEL (self->scenes), i), i == 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->endings)); i++)
    {
      UpstanderWorkshopItem *ending = item_at (G_LIST_MODEL (self->endings), i);
      xmlNode *node = add_element (&writer, scenario, "ending", ending);

      set_attribute (node, "id", upstander_workshop_item_get_id (ending));
      set_attribute (node, "outcome", item_text (ending, "outcome"));
      add_text (&writer, node, "title", item_text (ending, "title"), ending);
      add_text (&writer, node, "text", item_text (ending, "text"), ending);
      add_text (&writer, node, "takeaway", item_text (ending, "takeaway"), ending);
    }

  return writer.doc;
}

static GBytes *
dump_document (xmlDoc *doc)
{
  xmlChar *memory = NULL;
  int size = 0;
  GBytes *bytes;

  xmlDocDumpFormatMemoryEnc (doc, &memory, &size, "UTF-8", 1);
  if (memory == NULL)
    return g_bytes_new (NULL, 0);

  bytes = g_bytes_new (memory, size);
  xmlFree (memory);

  return bytes;
}

/**
 * upstander_workshop_story_to_bytes:
 *
 * The story as a bundle file, whether or not it passes the checks: drafts
 * are kept in this form too.
 */
GBytes *
upstander_workshop_story_to_bytes (UpstanderWorkshopStory *self)
{
  g_autoptr(GHashTable) items = g_hash_table_new (NULL, NULL);
  xmlDoc *doc;
  GBytes *bytes;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  doc = build_document (self, items);
  bytes = dump_document (doc);
  xmlFreeDoc (doc);

  return bytes;
}

/* Bundle XML, read back: drafts and imported bundles. */

static void
ignore_structured_error_cb (void        *user_data,
                            xmlErrorPtr  error)
{
}

static xmlNode *
first_element (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->next;

  return node;
}

static xmlNode *
next_element (xmlNode *node)
{
  return first_element (node != NULL ? node->next : NULL);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST BUNDLE_NAMESPACE) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);

  return copy;
}

/* A leaf in the bundle's own language (translations are skipped), its white space folded as the player shows it. */
static gboolean
read_leaf (xmlNode  *node,
           char    **text)
{
  xmlChar *lang = xmlGetNsProp (node, BAD_CAST "lang", XML_XML_NAMESPACE);
  xmlChar *content;
  g_auto(GStrv) words = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) kept_words = NULL;

  if (lang != NULL)
    {
      xmlFree (lang);
      return FALSE;
    }

  content = xmlNodeGetContent (node);
  words = g_strsplit_set (content != NULL ? (const char *) content : "", " \t\n\r", -1);
  xmlFree (content);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (kept, words[i]);
  kept_words = g_strv_builder_end (kept);

  g_free (*text);
  *text = g_strjoinv (" ", kept_words);

  return TRUE;
}

static void
set_leaf (gpointer    object,
          const char *property,
          xmlNode    *node)
{
  g_autofree char *text = NULL;

  if (read_leaf (node, &text))
    g_object_set (object, property, text, NULL);
}

/* Appends the text of a leaf in @node to @property, for feedback written as several texts. */
static void
append_leaf (UpstanderWorkshopItem *item,
             const char            *property,
             xmlNode               *node)
{
  g_autofree char *text = NULL;
  const char *before = upstander_workshop_item_get (item, property);
  g_autofree char *joined = NULL;

  if (!read_leaf (node, &text))
    return;

  joined = before[0] != '\0' ? g_strconcat (before, " ", text, NULL) : g_steal_pointer (&text);
  g_object_set (item, property, joined, NULL);
}

static void
read_line (UpstanderWorkshopItem *scene,
           xmlNode               *node,
           const char            *speaker)
{
  GListStore *lines = G_LIST_STORE (upstander_workshop_item_get_lines (scene));

  /* A narration may hold several paragraphs; a post its comments. Each becomes a line. */
  for (xmlNode *child = first_element (node->children); child != NULL; child = next_element (child))
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (lines)) >= UPSTANDER_WORKSHOP_MAX_LINES)
        return;

      if (is_element (child, "text"))
        {
          g_autofree char *text = NULL;

          if (read_leaf (child, &text))
            {
              g_autoptr(UpstanderWorkshopItem) line = upstander_workshop_item_new (UPSTANDER_WORKSHOP_LINE, "");

              g_object_set (line, "speaker", speaker, "text", text, NULL);
              g_list_store_append (lines, line);
            }
        }
      else if (is_element (child, "comment"))
        {
          g_autofree char *from = get_attribute (child, "from");

          read_line (scene, child, from);
        }
    }
}

static void
read_decision (UpstanderWorkshopItem *scene,
               xmlNode               *node)
{
  GListStore *choices = G_LIST_STORE (upstander_workshop_item_get_choices (scene));

  for (xmlNode *child = first_element (node->children); child != NULL; child = next_element (child))
    {
      if (is_element (child, "prompt"))
        {
          set_leaf (scene, "prompt", child);
        }
      else if (is_element (child, "discuss"))
        {
          xmlNode *question = first_element (child->children);

          if (question != NULL && is_element (question, "question"))
            set_leaf (scene, "question", question);
        }
      else if (is_element (child, "choice") &&
               g_list_model_get_n_items (G_LIST_MODEL (choices)) < UPSTANDER_WORKSHOP_MAX_CHOICES)
        {
          g_autofree char *id = get_attribute (child, "id");
          g_autofree char *next = get_attribute (child, "next");
          g_autofree char *effect = get_attribute (child, "effect");
          g_autoptr(UpstanderWorkshopItem) choice = upstander_workshop_item_new (UPSTANDER_WORKSHOP_CHOICE, id);

          g_object_set (choice, "next", next, "effect", effect, NULL);
          for (xmlNode *part = first_element (child->children); part != NULL; part = next_element (part))
            {
              if (is_element (part, "label"))
                set_leaf (choice, "label", part);
              else if (is_element (part, "feedback"))
                for (xmlNode *text = first_element (part->children); text != NULL; text = next_element (text))
                  append_leaf (choice, "feedback", text);
            }
          g_list_store_append (choices, choice);
        }
    }
}

static UpstanderWorkshopItem *
read_scene (xmlNode *node)
{
  g_autofree char *id = get_attribute (node, "id");
  g_autofree char *place = get_attribute (node, "place");
  UpstanderWorkshopItem *scene = upstander_workshop_item_new (UPSTANDER_WORKSHOP_SCENE, id);

  g_object_set (scene, "place", place, NULL);
  for (xmlNode *child = first_element (node->children); child != NULL; child = next_element (child))
    {
      if (is_element (child, "title"))
        {
          set_leaf (scene, "title", child);
        }
      else if (is_element (child, "message") || is_element (child, "post"))
        {
          g_autofree char *from = get_attribute (child, "from");

          read_line (scene, child, from);
        }
      else if (is_element (child, "narration"))
        {
          read_line (scene, child, "");
        }
      else if (is_element (child, "decision"))
        {
          read_decision (scene, child);
        }
      else if (is_element (child, "continue"))
        {
          /* Of several, the last has no condition: the way on whatever happened. */
          g_autofree char *next = get_attribute (child, "next");

          g_object_set (scene, "next", next, NULL);
        }
      else if (is_element (child, "facilitator"))
        {
          for (xmlNode *text = first_element (child->children); text != NULL; text = next_element (text))
            append_leaf (scene, "notes", text);
        }
    }

  return scene;
}

static UpstanderWorkshopItem *
read_ending (xmlNode *node)
{
  g_autofree char *id = get_attribute (node, "id");
  g_autofree char *outcome = get_attribute (node, "outcome");
  UpstanderWorkshopItem *ending = upstander_workshop_item_new (UPSTANDER_WORKSHOP_ENDING, id);

  g_object_set (ending, "outcome", outcome, NULL);
  for (xmlNode *child = first_element (node->children); child != NULL; child = next_element (child))
    {
      if (is_element (child, "title"))
        set_leaf (ending, "title", child);
      else if (is_element (child, "text"))
        append_leaf (ending, "text", child);
      else if (is_element (child, "takeaway"))
        append_leaf (ending, "takeaway", child);
    }

  return ending;
}

static void
read_scenario (UpstanderWorkshopStory *self,
               xmlNode                *node)
{
  g_autofree char *version = get_attribute (node, "version");
  g_autofree char *ages = get_attribute (node, "ages");
  guint64 number = 0;

  g_free (self->scenario_id);
  self->scenario_id = get_attribute (node, "id");
  if (g_ascii_string_to_unsigned (version, 10, 1, G_MAXINT, &number, NULL))
    self->version = MAX (self->version, (guint) number);
  g_object_set (self, "ages", ages, NULL);

  for (xmlNode *child = first_element (node->children); child != NULL; child = next_element (child))
    {
      guint n_nodes = g_list_model_get_n_items (G_LIST_MODEL (self->scenes)) +
                      g_list_model_get_n_items (G_LIST_MODEL (self->endings));

      if (is_element (child, "title"))
        {
          set_leaf (self, "title", child);
        }
      else if (is_element (child, "summary"))
        {
          set_leaf (self, "summary", child);
        }
      else if (is_element (child, "goal") && self->goal[0] == '\0')
        {
          set_leaf (self, "goal", child);
        }
      else if (is_element (child, "cast"))
        {
          for (xmlNode *person = first_element (child->children); person != NULL; person = next_element (person))
            {
              g_autofree char *id = NULL;
              g_autofree char *role = NULL;
              g_autofree char *avatar = NULL;
              g_autoptr(UpstanderWorkshopItem) item = NULL;
              xmlNode *name = first_element (person->children);

              if (!is_element (person, "person") ||
                  g_list_model_get_n_items (G_LIST_MODEL (self->cast)) >= UPSTANDER_WORKSHOP_MAX_CAST)
                continue;

              id = get_attribute (person, "id");
              role = get_attribute (person, "role");
              avatar = get_attribute (person, "avatar");
              item = upstander_workshop_item_new (UPSTANDER_WORKSHOP_PERSON, id);
              g_object_set (item, "role", role, NULL);
              /* Only a drawing the app has: a draft edited by hand falls back to initials. */
              if (upstander_workshop_is_avatar_name (avatar))
                g_object_set (item, "avatar", avatar, NULL);
              if (name != NULL && is_element (name, "name"))
                set_leaf (item, "name", name);
              g_list_store_append (self->cast, item);
            }
        }
      else if (is_element (child, "scene") && n_nodes < UPSTANDER_WORKSHOP_MAX_NODES)
        {
          g_autoptr(UpstanderWorkshopItem) scene = read_scene (child);
          g_autofree char *start = get_attribute (child, "start");

          /* The workshop's first scene is where the story starts. */
          if (g_str_equal (start, "yes"))
            g_list_store_insert (self->scenes, 0, scene);
          else
            g_list_store_append (self->scenes, scene);
        }
      else if (is_element (child, "ending") && n_nodes < UPSTANDER_WORKSHOP_MAX_NODES)
        {
          g_autoptr(UpstanderWorkshopItem) ending = read_ending (child);

          g_list_store_append (self->endings, ending);
        }
    }
}

/* A leaf that names the bundle's own language is an original, as one that names none. */
static void
forget_own_language (xmlNode    *node,
                     const char *language)
{
  for (xmlNode *child = first_element (node->children); child != NULL; child = next_element (child))
    {
      xmlChar *lang = xmlGetNsProp (child, BAD_CAST "lang", XML_XML_NAMESPACE);
      g_autofree char *normal = upstander_language_tag_normalize ((const char *) lang,
                                                                  UPSTANDER_LANGUAGE_TAG_BCP47);

      if (g_strcmp0 (normal, language) == 0)
        xmlUnsetNsProp (child, xmlSearchNsByHref (child->doc, child, XML_XML_NAMESPACE), BAD_CAST "lang");
      xmlFree (lang);
      forget_own_language (child, language);
    }
}

/**
 * upstander_workshop_story_new_from_bytes:
 * @display_name: the file's name, for messages
 *
 * Reads a story the workshop wrote (a draft, or an exported bundle) back
 * into a story to edit. Drafts need not pass the checks, so this does not
 * run them: it only reads, safely, what it can use of the first scenario.
 * Use upstander_workshop_story_import() for a file from elsewhere.
 */
UpstanderWorkshopStory *
upstander_workshop_story_new_from_bytes (GBytes      *bytes,
                                         const char  *display_name,
                                         GError     **error)
{
  g_autoptr(UpstanderWorkshopStory) self = NULL;
  g_autofree char *version = NULL;
  xmlChar *lang;
  xmlDoc *doc;
  xmlNode *root;
  const char *data;
  gsize size;
  gboolean found_scenario = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "(story)";

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || size > UPSTANDER_BUNDLE_MAX_SIZE || size > G_MAXINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is empty or too large to be a story", display_name);
      return NULL;
    }

  xmlSetStructuredErrorFunc (NULL, ignore_structured_error_cb);
  doc = xmlReadMemory (data, (int) size, NULL, NULL, PARSE_OPTIONS);
  xmlSetStructuredErrorFunc (NULL, NULL);

  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (doc == NULL || doc->intSubset != NULL || doc->extSubset != NULL ||
      root == NULL || !is_element (root, "bundle"))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not a story bundle", display_name);
      return NULL;
    }

  self = g_object_new (UPSTANDER_TYPE_WORKSHOP_STORY, NULL);
  self->bundle_id = get_attribute (root, "id");
  /* A bundle not made in a workshop becomes a new one: installing it must
   * never replace someone's own bundle of the same name. */
  if (!upstander_id_is_valid (self->bundle_id) || !g_str_has_prefix (self->bundle_id, "workshop-"))
    {
      g_free (self->bundle_id);
      self->bundle_id = random_id ();
    }
  version = get_attribute (root, "version");
  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXINT, NULL, NULL))
    self->version = 1;
  else
    self->version = (guint) g_ascii_strtoull (version, NULL, 10);
  lang = xmlGetNsProp (root, BAD_CAST "lang", XML_XML_NAMESPACE);
  self->language = upstander_language_tag_normalize ((const char *) lang, UPSTANDER_LANGUAGE_TAG_BCP47);
  if (self->language == NULL)
    self->language = g_strdup ("en");
  xmlFree (lang);

  forget_own_language (root, self->language);

  for (xmlNode *child = first_element (root->children); child != NULL; child = next_element (child))
    {
      if (is_element (child, "topic") &&
          g_list_model_get_n_items (G_LIST_MODEL (self->topics)) < UPSTANDER_WORKSHOP_MAX_NODES)
        {
          g_autofree char *id = get_attribute (child, "id");
          g_autoptr(UpstanderWorkshopItem) topic = upstander_workshop_item_new (UPSTANDER_WORKSHOP_TOPIC, id);
          xmlNode *name = first_element (child->children);

          if (name != NULL && is_element (name, "name"))
            set_leaf (topic, "name", name);
          g_list_store_append (self->topics, topic);
        }
      else if (is_element (child, "scenario") && !found_scenario)
        {
          read_scenario (self, child);
          found_scenario = TRUE;
        }
    }

  xmlFreeDoc (doc);

  if (!found_scenario)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s holds no story", display_name);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * upstander_workshop_story_import:
 * @diagnostics: (nullable): receives every problem the loader finds
 *
 * Opens a bundle from elsewhere. It must pass every check of the real loader
 * first: a file that does not is refused with %UPSTANDER_BUNDLE_ERROR, its
 * problems in @diagnostics, and nothing is made of it.
 */
UpstanderWorkshopStory *
upstander_workshop_story_import (GBytes      *bytes,
                                 const char  *display_name,
                                 GPtrArray   *diagnostics,
                                 GError     **error)
{
  g_autoptr(UpstanderBundle) bundle = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bundle = upstander_bundle_load_bytes (bytes, display_name, diagnostics, error);
  if (bundle == NULL)
    return NULL;

  if (upstander_bundle_get_scenarios (bundle)->len == 0)
    {
      g_set_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID,
                   "%s holds no story", display_name != NULL ? display_name : "(bundle)");
      return NULL;
    }

  return upstander_workshop_story_new_from_bytes (bytes, display_name, error);
}

/* Checks. */

typedef struct
{
  GPtrArray *problems;
  GRegex    *phone;
  GRegex    *email;
  GRegex    *street;
  GRegex    *full_name;
  GRegex    *name_in_text;
} Checker;

static void
add_problem (Checker                      *checker,
             UpstanderWorkshopItem        *item,
             UpstanderSeverity             severity,
             UpstanderWorkshopProblemKind  kind,
             const char                   *message)
{
  UpstanderWorkshopProblem *problem = g_new0 (UpstanderWorkshopProblem, 1);

  problem->item = item != NULL ? g_object_ref (item) : NULL;
  problem->severity = severity;
  problem->kind = kind;
  problem->message = g_strdup (message);
  g_ptr_array_add (checker->problems, problem);
}

static gboolean
has_problem (Checker               *checker,
             UpstanderWorkshopItem *item,
             UpstanderSeverity      severity)
{
  for (guint i = 0; i < checker->problems->len; i++)
    {
      UpstanderWorkshopProblem *problem = g_ptr_array_index (checker->problems, i);

      if (problem->item == item && problem->severity == severity)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static void
check_private (Checker               *checker,
               UpstanderWorkshopItem *item,
               const char            *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  struct { GRegex *regex; UpstanderWorkshopProblemKind kind; } patterns[] = {
    { checker->phone, UPSTANDER_WORKSHOP_PROBLEM_PHONE_NUMBER },
    { checker->email, UPSTANDER_WORKSHOP_PROBLEM_ADDRESS },
    { checker->street, UPSTANDER_WORKSHOP_PROBLEM_ADDRESS },
    { checker->name_in_text, UPSTANDER_WORKSHOP_PROBLEM_FULL_NAME },
  };

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GMatchInfo) info = NULL;

      if (patterns[i].regex != NULL && g_regex_match (patterns[i].regex, text, 0, &info))
        {
          g_autofree char *found = g_match_info_fetch (info, 0);

          add_problem (checker, item, UPSTANDER_SEVERITY_WARNING, patterns[i].kind, found);
          return;
        }
    }
}

/* A text of @item: required or not, within its limit, nothing that looks private. */
static void
check_text (Checker                      *checker,
            UpstanderWorkshopItem        *item,
            const char                   *text,
            gboolean                      is_short,
            UpstanderWorkshopProblemKind  when_empty)
{
  glong limit = is_short ? UPSTANDER_WORKSHOP_MAX_SHORT_TEXT : UPSTANDER_WORKSHOP_MAX_TEXT;

  if (is_blank (text))
    {
      if ((int) when_empty >= 0)
        add_problem (checker, item, UPSTANDER_SEVERITY_ERROR, when_empty, NULL);
      return;
    }

  if (g_utf8_strlen (text, -1) > limit)
    add_problem (checker, item, UPSTANDER_SEVERITY_ERROR, UPSTANDER_WORKSHOP_PROBLEM_TOO_LONG, NULL);

  check_private (checker, item, text);
}

#define OPTIONAL ((UpstanderWorkshopProblemKind) -1)

static gboolean
is_target (UpstanderWorkshopStory *self,
           const char             *id)
{
  UpstanderWorkshopItem *target = upstander_workshop_story_lookup (self, id);

  return target != NULL &&
         (upstander_workshop_item_get_kind (target) == UPSTANDER_WORKSHOP_SCENE ||
          upstander_workshop_item_get_kind (target) == UPSTANDER_WORKSHOP_ENDING);
}

static gboolean
is_person (UpstanderWorkshopStory *self,
           const char             *id)
{
  UpstanderWorkshopItem *person = upstander_workshop_story_lookup (self, id);

  return person != NULL && upstander_workshop_item_get_kind (person) == UPSTANDER_WORKSHOP_PERSON;
}

/* Where @scene leads: its choices' next, or its own. */
static GPtrArray *
scene_targets (UpstanderWorkshopItem *scene)
{
  GListModel *choices = upstander_workshop_item_get_choices (scene);
  GPtrArray *targets = g_ptr_array_new ();

  if (g_list_model_get_n_items (choices) == 0)
    g_ptr_array_add (targets, (gpointer) upstander_workshop_item_get (scene, "next"));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    g_ptr_array_add (targets, (gpointer) upstander_workshop_item_get (item_at (choices, i), "next"));

  return targets;
}

static void
check_scene (UpstanderWorkshopStory *self,
             Checker                *checker,
             UpstanderWorkshopItem  *scene)
{
  GListModel *lines = upstander_workshop_item_get_lines (scene);
  GListModel *choices = upstander_workshop_item_get_choices (scene);
  guint n_choices = g_list_model_get_n_items (choices);

  check_text (checker, scene, item_text (scene, "title"), TRUE, OPTIONAL);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      UpstanderWorkshopItem *line = item_at (lines, i);
      const char *speaker = item_text (line, "speaker");

      if (speaker[0] != '\0' && !is_person (self, speaker))
        add_problem (checker, line, UPSTANDER_SEVERITY_ERROR, UPSTANDER_WORKSHOP_PROBLEM_UNKNOWN_SPEAKER, NULL);
      check_text (checker, line, item_text (line, "text"), FALSE, UPSTANDER_WORKSHOP_PROBLEM_EMPTY_LINE);
    }

  if (n_choices == 0)
    {
      const char *next = item_text (scene, "next");

      if (next[0] == '\0')
        add_problem (checker, scene, UPSTANDER_SEVERITY_ERROR, UPSTANDER_WORKSHOP_PROBLEM_NO_WAY_ON, NULL);
      else if (!is_target (self, next))
        add_problem (checker, scene, UPSTANDER_SEVERITY_ERROR, UPSTANDER_WORKSHOP_PROBLEM_NO_NEXT, NULL);
    }
  else
    {
      if (n_choices == 1)
        add_problem (checker, scene, UPSTANDER_SEVERITY_ERROR, UPSTANDER_WORKSHOP_PROBLEM_ONE_CHOICE, NULL);
      check_text (checker, scene, item_text (scene, "prompt"), TRUE, UPSTANDER_WORKSHOP_PROBLEM_NO_PROMPT);
      if (is_blank (item_text (scene, "question")))
        add_problem (checker, scene, UPSTANDER_SEVERITY_WARNING, UPSTANDER_WORKSHOP_PROBLEM_NO_QUESTION, NULL);
      else
        check_text (checker, scene, item_text (scene, "question"), FALSE, OPTIONAL);
    }
  check_text (checker, scene, item_text (scene, "notes"), FALSE, OPTIONAL);

  for (guint i = 0; i < n_choices; i++)
    {
      UpstanderWorkshopItem *choice = item_at (choices, i);

      check_text (checker, choice, item_text (choice, "label"), TRUE, UPSTANDER_WORKSHOP_PROBLEM_NO_LABEL);
      check_text (checker, choice, item_text (choice, "feedback"), FALSE, UPSTANDER_WORKSHOP_PROBLEM_NO_FEEDBACK);
      if (!is_target (self, item_text (choice, "next")))
        add_problem (checker, choice, UPSTANDER_SEVERITY_ERROR, UPSTANDER_WORKSHOP_PROBLEM_NO_NEXT, NULL);
    }
}

/* Unreachable scenes and endings, and scenes from which no ending can be reached. */
static void
check_paths (UpstanderWorkshopStory *self,
             Checker                *checker)
{
  GListModel *scenes = G_LIST_MODEL (self->scenes);
  GListModel *endings = G_LIST_MODEL (self->endings);
  g_autoptr(GHashTable) reached = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) finishes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GQueue) queue = g_queue_new ();
  guint n_scenes = g_list_model_get_n_items (scenes);
  gboolean grew = TRUE;

  if (n_scenes == 0)
    return;

  g_queue_push_tail (queue, item_at (scenes, 0));
  g_hash_table_add (reached, (gpointer) upstander_workshop_item_get_id (item_at (scenes, 0)));
  while (!g_queue_is_empty (queue))
    {
      UpstanderWorkshopItem *scene = g_queue_pop_head (queue);
      g_autoptr(GPtrArray) targets = scene_targets (scene);

      for (guint i = 0; i < targets->len; i++)
        {
          UpstanderWorkshopItem *target = upstander_workshop_story_lookup (self, g_ptr_array_index (targets, i));

          if (target == NULL || !is_target (self, g_ptr_array_index (targets, i)) ||
              !g_hash_table_add (reached, (gpointer) upstander_workshop_item_get_id (target)))
            continue;
          if (upstander_workshop_item_get_kind (target) == UPSTANDER_WORKSHOP_SCENE)
            g_queue_push_tail (queue, target);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (endings); i++)
    g_hash_table_add (finishes, (gpointer) upstander_workshop_item_get_id (item_at (endings, i)));

  /* Grows the set of scenes that lead to an ending until it stops growing. */
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < n_scenes; i++)
        {
          UpstanderWorkshopItem *scene = item_at (scenes, i);
          g_autoptr(GPtrArray) targets = scene_targets (scene);

          if (g_hash_table_contains (finishes, upstander_workshop_item_get_id (scene)))
            continue;
          for (guint t = 0; t < targets->len; t++)
            if (g_hash_table_contains (finishes, g_ptr_array_index (targets, t)))
              {
                g_hash_table_add (finishes, (gpointer) upstander_workshop_item_get_id (scene));
                grew = TRUE;
                break;
              }
        }
    }

  for (guint i = 0; i < n_scenes; i++)
    {
      UpstanderWorkshopItem *scene = item_at (scenes, i);
      const char *id = upstander_workshop_item_get_id (scene);

      if (!g_hash_table_contains (reached, id))
        add_problem (checker, scene, UPSTANDER_SEVERITY_WARNING, UPSTANDER_WORKSHOP_PROBLEM_UNREACHABLE, NULL);
      else if (!g_hash_table_contains (finishes, id) && !has_problem (checker, scene, UPSTANDER_SEVERITY_ERROR))
        add_problem (checker, scene, UPSTANDER_SEVERITY_ERROR, UPSTANDER_WORKSHOP_PROBLEM_NO_ENDING_REACHABLE, NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (endings); i++)
    {
      UpstanderWorkshopItem *ending = item_at (endings, i);

      if (!g_hash_table_contains (reached, upstander_workshop_item_get_id (ending)))
        add_problem (checker, ending, UPSTANDER_SEVERITY_WARNING, UPSTANDER_WORKSHOP_PROBLEM_UNREACHABLE, NULL);
    }
}

static void
check_story (UpstanderWorkshopStory *self,
             Checker                *checker)
{
  GListModel *cast = G_LIST_MODEL (self->cast);
  GListModel *scenes = G_LIST_MODEL (self->scenes);
  GListModel *endings = G_LIST_MODEL (self->endings);
  gboolean has_notes = FALSE;

  check_text (checker, NULL, self->title, TRUE, UPSTANDER_WORKSHOP_PROBLEM_NO_TITLE);
  check_text (checker, NULL, self->summary, FALSE, UPSTANDER_WORKSHOP_PROBLEM_NO_SUMMARY);
  check_text (checker, NULL, self->goal, FALSE, UPSTANDER_WORKSHOP_PROBLEM_NO_GOAL);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->topics)) == 0)
    add_problem (checker, NULL, UPSTANDER_SEVERITY_ERROR, UPSTANDER_WORKSHOP_PROBLEM_NO_TOPIC, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cast); i++)
    {
      UpstanderWorkshopItem *person = item_at (cast, i);
      const char *name = item_text (person, "name");

      check_text (checker, person, name, TRUE, UPSTANDER_WORKSHOP_PROBLEM_NO_NAME);
      if (checker->full_name != NULL && g_regex_match (checker->full_name, name, 0, NULL) &&
          !has_problem (checker, person, UPSTANDER_SEVERITY_WARNING))
        add_problem (checker, person, UPSTANDER_SEVERITY_WARNING, UPSTANDER_WORKSHOP_PROBLEM_FULL_NAME, name);
    }

  if (g_list_model_get_n_items (scenes) == 0)
    add_problem (checker, NULL, UPSTANDER_SEVERITY_ERROR, UPSTANDER_WORKSHOP_PROBLEM_NO_SCENE, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (scenes); i++)
    {
      check_scene (self, checker, item_at (scenes, i));
      has_notes |= !is_blank (item_text (item_at (scenes, i), "notes"));
    }

  if (g_list_model_get_n_items (endings) == 0)
    add_problem (checker, NULL, UPSTANDER_SEVERITY_ERROR, UPSTANDER_WORKSHOP_PROBLEM_NO_ENDING, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (endings); i++)
    {
      UpstanderWorkshopItem *ending = item_at (endings, i);

      check_text (checker, ending, item_text (ending, "title"), TRUE, UPSTANDER_WORKSHOP_PROBLEM_ENDING_NO_TITLE);
      check_text (checker, ending, item_text (ending, "text"), FALSE, UPSTANDER_WORKSHOP_PROBLEM_ENDING_NO_TEXT);
      check_text (checker, ending, item_text (ending, "takeaway"), FALSE, UPSTANDER_WORKSHOP_PROBLEM_ENDING_NO_TAKEAWAY);
    }

  if (g_list_model_get_n_items (scenes) > 0 && !has_notes)
    add_problem (checker, NULL, UPSTANDER_SEVERITY_WARNING, UPSTANDER_WORKSHOP_PROBLEM_NO_NOTES, NULL);

  check_paths (self, checker);
}

/* Each element of @built is on the line of its twin in @parsed: note whose it is. */
static void
map_lines (xmlNode               *built,
           xmlNode               *parsed,
           GHashTable            *items,
           UpstanderWorkshopItem *owner,
           GHashTable            *line_items)
{
  for (built = first_element (built), parsed = first_element (parsed);
       built != NULL && parsed != NULL;
       built = next_element (built), parsed = next_element (parsed))
    {
      UpstanderWorkshopItem *item = g_hash_table_lookup (items, built);
      gpointer line = GINT_TO_POINTER ((int) xmlGetLineNo (parsed));

      if (item == NULL)
        item = owner;
      if (!g_hash_table_contains (line_items, line))
        g_hash_table_insert (line_items, line, item);
      map_lines (built->children, parsed->children, items, item, line_items);
    }
}

/* The item whose element is on @line, or the nearest one above it (a text may span lines). */
static UpstanderWorkshopItem *
item_on_line (GHashTable *line_items,
              guint       line)
{
  for (; line > 0; line--)
    {
      gpointer item;

      if (g_hash_table_lookup_extended (line_items, GINT_TO_POINTER ((int) line), NULL, &item))
        return item;
    }

  return NULL;
}

/**
 * upstander_workshop_story_check:
 * @bundle: (out) (optional) (nullable): the story loaded as the player will
 *   see it, when it passes
 *
 * Checks the story by the engine's rules: the workshop's own checks, said in
 * words the app can translate, then everything the real loader finds in the
 * bundle the story makes, each problem tied to the item it concerns.
 * Warnings (unreachable scenes, text that looks like a phone number, an
 * address or someone's full name) do not stop a story from passing.
 *
 * Returns: (transfer full): UpstanderWorkshopProblem, errors and warnings
 */
GPtrArray *
upstander_workshop_story_check (UpstanderWorkshopStory  *self,
                                UpstanderBundle        **bundle)
{
  g_autoptr(GHashTable) items = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) line_items = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(UpstanderBundle) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Checker checker = { NULL };
  xmlDoc *built;
  xmlDoc *parsed;
  gsize size;
  const char *data;

  g_return_val_if_fail (UPSTANDER_IS_WORKSHOP_STORY (self), NULL);

  checker.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) upstander_workshop_problem_free);
  /* Not G_REGEX_OPTIMIZE: its JIT code is more than stories of this size need,
   * and memcheck cannot follow it. */
  /* Seven digits or more, with the separators people write between them. */
  checker.phone = g_regex_new ("(?<![\\w])\\+?\\d(?:[\\s().\\-/]{0,2}\\d){6,}", 0, 0, NULL);
  checker.email = g_regex_new ("[\\w.+\\-]+@[\\w\\-]+\\.[\\w.\\-]+", 0, 0, NULL);
  /* A house number and a street word, in the app's languages. */
  checker.street = g_regex_new ("\\b\\d{1,5}[a-z]?,?\\s+(?:[\\w'’.\\-]+\\s+){0,4}"
                                "(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|boulevard|blvd|court|crescent|square)\\b"
                                "|\\b\\d{1,5},?\\s+(?:rue|avenue|boulevard|bd|chemin|allée|impasse|place|calle|avenida|plaza|paseo|camino)\\b"
                                "|(?:calle|avenida|c/)\\s+[\\w\\s]{1,40}?,?\\s*\\d{1,5}\\b"
                                "|(?:улица|ул\\.|проспект|пр-т|переулок)\\s*\\w+[\\w\\s,.]{0,30}?\\d{1,4}"
                                "|\\p{Han}{1,10}(?:路|街|道)\\d{1,5}号"
                                "|(?:شارع|طريق)\\s+\\S+(?:\\s+\\S+){0,3}\\s+\\d{1,5}",
                                G_REGEX_CASELESS, 0, NULL);
  /* A name and a surname, each capitalised: "Amira Khan". Fictional first names are enough. */
  checker.full_name = g_regex_new ("^\\s*\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)+\\s*$", 0, 0, NULL);
  checker.name_in_text = g_regex_new ("(?<=[\\p{Ll},;:] )\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}{2,}", 0, 0, NULL);

  check_story (self, &checker);

  built = build_document (self, items);
  bytes = dump_document (built);
  data = g_bytes_get_data (bytes, &size);
  xmlSetStructuredErrorFunc (NULL, ignore_structured_error_cb);
  parsed = xmlReadMemory (data, (int) size, NULL, NULL, PARSE_OPTIONS);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (parsed != NULL)
    map_lines (built->children, parsed->children, items, NULL, line_items);

  loaded = upstander_bundle_load_bytes (bytes, self->title, diagnostics, NULL);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const UpstanderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      UpstanderWorkshopItem *item = item_on_line (line_items, diagnostic->line);

      /* What the workshop said already, in the reader's words, is not said twice. */
      if (!has_problem (&checker, item, diagnostic->severity))
        add_problem (&checker, item, diagnostic->severity, UPSTANDER_WORKSHOP_PROBLEM_ENGINE, diagnostic->message);
    }

  if (bundle != NULL)
    {
      gboolean passes = loaded != NULL;

      for (guint i = 0; i < checker.problems->len && passes; i++)
        passes = ((UpstanderWorkshopProblem *) g_ptr_array_index (checker.problems, i))->severity != UPSTANDER_SEVERITY_ERROR;
      *bundle = passes ? g_steal_pointer (&loaded) : NULL;
    }

  g_clear_pointer (&parsed, xmlFreeDoc);
  xmlFreeDoc (built);
  g_clear_pointer (&checker.phone, g_regex_unref);
  g_clear_pointer (&checker.email, g_regex_unref);
  g_clear_pointer (&checker.street, g_regex_unref);
  g_clear_pointer (&checker.full_name, g_regex_unref);
  g_clear_pointer (&checker.name_in_text, g_regex_unref);

  return checker.problems;
}

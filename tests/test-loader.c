/* test-loader.c: valid bundles load; every rule of the format, broken once, is reported
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "upstander-bundle.h"
#include "upstander-enums.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

#define HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<bundle xmlns=\"urn:upstander:bundle:1\" id=\"test\" version=\"1\" xml:lang=\"en\">\n" \
  "  <info><name>Test</name><description>Tests.</description><author>A</author><license>CC0-1.0</license></info>\n" \
  "  <topic id=\"chats\"><name>Chats</name></topic>\n"

/* A small, valid scenario whose parts the tests below replace one at a time. */
#define SCENARIO_OPEN \
  "  <scenario id=\"s\" version=\"1\" ages=\"8-11\" minutes=\"3\" topics=\"chats\">\n" \
  "    <title>Title</title>\n" \
  "    <summary>Summary.</summary>\n" \
  "    <goal>Goal.</goal>\n" \
  "    <cast>\n" \
  "      <person id=\"you\" role=\"player\"><name>You</name></person>\n" \
  "      <person id=\"ana\" role=\"target\"><name>Ana</name></person>\n" \
  "    </cast>\n"

#define START_SCENE \
  "    <scene id=\"start\" place=\"group-chat\" start=\"yes\">\n" \
  "      <message from=\"ana\"><text>Hi</text></message>\n" \
  "      <decision>\n" \
  "        <prompt>What now?</prompt>\n" \
  "        <discuss><question>Why?</question></discuss>\n" \
  "        <choice id=\"kind\" next=\"middle\" effect=\"helpful\" sets=\"was-kind\">\n" \
  "          <label>Be kind</label><feedback><text>Kind.</text></feedback></choice>\n" \
  "        <choice id=\"mean\" next=\"middle\" effect=\"harmful\">\n" \
  "          <label>Be mean</label><feedback><text>Mean.</text></feedback></choice>\n" \
  "      </decision>\n" \
  "      <facilitator><text>Notes.</text></facilitator>\n" \
  "    </scene>\n"

#define MIDDLE_SCENE \
  "    <scene id=\"middle\" place=\"school\">\n" \
  "      <narration if=\"was-kind\"><text>Ana smiles.</text></narration>\n" \
  "      <continue next=\"good\" if=\"was-kind\"/>\n" \
  "      <continue next=\"bad\"/>\n" \
  "    </scene>\n"

#define ENDINGS \
  "    <ending id=\"good\" outcome=\"positive\"><title>Good</title><text>Good.</text><takeaway>T.</takeaway></ending>\n" \
  "    <ending id=\"bad\" outcome=\"mixed\"><title>Bad</title><text>Bad.</text><takeaway>T.</takeaway></ending>\n"

#define SCENARIO_CLOSE "  </scenario>\n"
#define TAIL "</bundle>\n"

#define VALID HEAD SCENARIO_OPEN START_SCENE MIDDLE_SCENE ENDINGS SCENARIO_CLOSE TAIL

static UpstanderBundle *
load_string (const char  *xml,
             GPtrArray   *diagnostics,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return upstander_bundle_load_bytes (bytes, "test.xml", diagnostics, error);
}

/* The line of the first occurrence of @marker in @xml, counting from 1. */
static guint
line_of (const char *xml,
         const char *marker)
{
  const char *found = strstr (xml, marker);
  guint line = 1;

  g_assert_nonnull (found);
  for (const char *p = xml; p < found; p++)
    line += *p == '\n';

  return line;
}

static char *
replace (const char *xml,
         const char *old,
         const char *new)
{
  g_autoptr(GString) out = g_string_new (xml);

  g_assert_nonnull (strstr (xml, old));
  g_string_replace (out, old, new, 1);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
dump (GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = upstander_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_test_message ("%s", line);
    }
}

static gboolean
has_diagnostic (GPtrArray         *diagnostics,
                UpstanderSeverity  severity,
                guint              line,
                const char        *text)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const UpstanderDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity == severity && diagnostic->line == line &&
          strstr (diagnostic->message, text) != NULL && g_str_equal (diagnostic->file, "test.xml"))
        return TRUE;
    }

  return FALSE;
}

/*
 * Loads @xml with @old replaced by @new, and asserts it is refused with an
 * error containing @message on the line where @marker is.
 */
static void
assert_refused (const char *old,
                const char *new,
                const char *marker,
                const char *message)
{
  g_autofree char *xml = replace (VALID, old, new);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, &error);
  guint line = line_of (xml, marker);

  dump (diagnostics);
  g_assert_null (bundle);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID);
  if (!has_diagnostic (diagnostics, UPSTANDER_SEVERITY_ERROR, line, message))
    g_error ("expected an error containing “%s” on line %u", message, line);
}

/*
 * The enums a bundle names by attribute. Their nicks are the only list of
 * those names in C; the schema lists them again as the file format. The two
 * tests below keep them the same both ways.
 */
typedef struct
{
  GType        (*get_type) (void);
  const char    *element;
  const char    *attribute;
  const char    *in_valid;     /* how VALID (or its help) writes the attribute */
  int            absent;       /* the value an attribute left out stands for, or -1 */
} EnumAttribute;

/* The value the loader read for @type's attribute from VALID and its help. */
static int
read_back (UpstanderBundle *bundle,
           GType            type)
{
  UpstanderScenario *scenario = upstander_bundle_lookup_scenario (bundle, "s");
  const UpstanderHelp *help;

  if (type == UPSTANDER_TYPE_PLACE)
    return upstander_scenario_lookup_scene (scenario, "middle")->place;
  if (type == UPSTANDER_TYPE_EFFECT)
    return upstander_scenario_lookup_choice (scenario, "mean")->effect;
  if (type == UPSTANDER_TYPE_OUTCOME)
    return upstander_scenario_lookup_ending (scenario, "bad")->outcome;
  if (type == UPSTANDER_TYPE_ROLE)
    return upstander_scenario_lookup_person (scenario, "ana")->role;

  g_assert_true (type == UPSTANDER_TYPE_CONTACT_KIND);
  help = g_ptr_array_index (upstander_bundle_get_help (bundle), 0);

  return ((const UpstanderContact *) g_ptr_array_index (help->contacts, 0))->kind;
}

#define HELP_WITH_CONTACT \
  "  <help region=\"GB\">\n" \
  "    <contact kind=\"helpline\"><name>Line</name><source>https://example.org/</source></contact>\n" \
  "  </help>\n" TAIL

static const EnumAttribute enum_attributes[] = {
  { upstander_place_get_type, "scene", "place", "place=\"school\"", -1 },
  { upstander_effect_get_type, "choice", "effect", "effect=\"harmful\"", -1 },
  { upstander_outcome_get_type, "ending", "outcome", "outcome=\"mixed\"", -1 },
  { upstander_role_get_type, "person", "role", " role=\"target\"", UPSTANDER_ROLE_NONE },
  { upstander_contact_kind_get_type, "contact", "kind", "kind=\"helpline\"", -1 },
};

/* The values the schema allows for @attribute of @element. */
static GPtrArray *
schema_values (const EnumAttribute *spec)
{
  g_autoptr(GBytes) schema = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *query = NULL;
  xmlDoc *doc;
  xmlXPathContext *context;
  xmlXPathObject *found;
  gconstpointer data;
  gsize size;

  schema = g_resources_lookup_data ("/io/github/upstander/Upstander/schema/upstander-bundle-1.rng",
                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (schema);
  data = g_bytes_get_data (schema, &size);
  doc = xmlReadMemory (data, (int) size, "schema.rng", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);

  context = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (context, BAD_CAST "rng", BAD_CAST "http://relaxng.org/ns/structure/1.0");
  /* The attribute's own element is its nearest <element> ancestor. */
  query = g_strdup_printf ("//rng:attribute[@name='%s'][ancestor::rng:element[1][@name='%s']]//rng:value",
                           spec->attribute, spec->element);
  found = xmlXPathEvalExpression (BAD_CAST query, context);
  g_assert_nonnull (found);

  for (int i = 0; found->nodesetval != NULL && i < found->nodesetval->nodeNr; i++)
    {
      xmlChar *value = xmlNodeGetContent (found->nodesetval->nodeTab[i]);

      g_ptr_array_add (values, g_strdup ((const char *) value));
      xmlFree (value);
    }

  xmlXPathFreeObject (found);
  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);

  return g_steal_pointer (&values);
}

/* Every value the schema allows is a nick, and every nick is allowed, once. */
static void
test_enum_nicks_match_schema (void)
{
  for (guint a = 0; a < G_N_ELEMENTS (enum_attributes); a++)
    {
      const EnumAttribute *spec = &enum_attributes[a];
      g_autoptr(GPtrArray) values = schema_values (spec);
      g_autoptr(GEnumClass) klass = g_type_class_ref (spec->get_type ());
      guint n_nicks = 0;

      g_test_message ("<%s %s=…>", spec->element, spec->attribute);
      g_assert_cmpuint (values->len, >, 0);

      for (guint i = 0; i < values->len; i++)
        {
          const char *value = g_ptr_array_index (values, i);
          int parsed;

          if (!upstander_enum_from_nick (spec->get_type (), value, &parsed))
            g_error ("the schema allows %s=\"%s\", which %s has no nick for",
                     spec->attribute, value, g_type_name (spec->get_type ()));
          if (parsed == spec->absent)
            g_error ("the schema allows %s=\"%s\", the value of leaving it out", spec->attribute, value);
          g_assert_cmpstr (upstander_enum_to_nick (spec->get_type (), parsed), ==, value);
        }

      for (guint v = 0; v < klass->n_values; v++)
        {
          const GEnumValue *value = &klass->values[v];

          if (value->value == spec->absent)
            continue;
          n_nicks++;
          if (!g_ptr_array_find_with_equal_func (values, value->value_nick, g_str_equal, NULL))
            g_error ("%s has the nick “%s”, which the schema does not allow for %s=",
                     g_type_name (spec->get_type ()), value->value_nick, spec->attribute);
        }

      /* No value twice: as many values as nicks. */
      g_assert_cmpuint (values->len, ==, n_nicks);
    }
}

static UpstanderBundle *
load_valid_with (const char *old,
                 const char *new)
{
  g_autofree char *with_help = replace (VALID, TAIL, HELP_WITH_CONTACT);
  g_autofree char *xml = replace (with_help, old, new);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, &error);

  dump (diagnostics);
  g_assert_no_error (error);
  g_assert_nonnull (bundle);

  return g_steal_pointer (&bundle);
}

/* A bundle may write each nick, and the loader reads it as its value. */
static void
test_enum_nicks_load (void)
{
  for (guint a = 0; a < G_N_ELEMENTS (enum_attributes); a++)
    {
      const EnumAttribute *spec = &enum_attributes[a];
      g_autoptr(GEnumClass) klass = g_type_class_ref (spec->get_type ());

      for (guint v = 0; v < klass->n_values; v++)
        {
          const GEnumValue *value = &klass->values[v];
          g_autofree char *attribute = NULL;
          g_autoptr(UpstanderBundle) bundle = NULL;

          /* A second player is refused for a reason of its own: the reader is "you". */
          if (value->value == UPSTANDER_ROLE_PLAYER && spec->get_type () == UPSTANDER_TYPE_ROLE)
            {
              UpstanderScenario *scenario;

              bundle = load_valid_with (" role=\"target\"", "");
              scenario = upstander_bundle_lookup_scenario (bundle, "s");
              g_assert_cmpint (upstander_scenario_lookup_person (scenario, "you")->role, ==, UPSTANDER_ROLE_PLAYER);
              continue;
            }

          if (value->value == spec->absent)
            attribute = g_strdup ("");
          else
            attribute = g_strdup_printf ("%s%s=\"%s\"", spec->in_valid[0] == ' ' ? " " : "",
                                         spec->attribute, value->value_nick);
          g_test_message ("%s", attribute);
          bundle = load_valid_with (spec->in_valid, attribute);
          g_assert_cmpint (read_back (bundle, spec->get_type ()), ==, value->value);
        }
    }
}

/* xml:lang in either spelling and any case is kept as BCP 47 writes it. */
static void
test_language_spellings (void)
{
  g_autofree char *upper = replace (VALID, "xml:lang=\"en\"", "xml:lang=\"EN\"");
  g_autofree char *xml = replace (upper, "<text>Hi</text>",
                                  "<text>Hi</text><text xml:lang=\"pt_br\">Oi</text><text xml:lang=\"en\">Hello</text>");
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, &error);
  const UpstanderScene *start;
  const UpstanderLine *line;
  const UpstanderText *text;
  const char *lang = NULL;

  dump (diagnostics);
  g_assert_null (bundle);
  /* "en" after "EN" is a second original, not a translation. */
  g_assert_true (has_diagnostic (diagnostics, UPSTANDER_SEVERITY_ERROR, line_of (xml, "Hello"), "has one <text>"));

  g_clear_pointer (&diagnostics, g_ptr_array_unref);
  g_clear_error (&error);
  g_free (xml);
  xml = replace (upper, "<text>Hi</text>", "<text>Hi</text><text xml:lang=\"pt_br\">Oi</text>");
  diagnostics = upstander_diagnostics_new ();
  bundle = load_string (xml, diagnostics, &error);
  dump (diagnostics);
  g_assert_no_error (error);
  g_assert_cmpstr (upstander_bundle_get_language (bundle), ==, "en");

  start = upstander_scenario_get_start (upstander_bundle_lookup_scenario (bundle, "s"));
  line = g_ptr_array_index (start->lines, 0);
  text = g_ptr_array_index (line->texts, 0);
  g_assert_cmpstr (upstander_text_get_original_language (text), ==, "en");
  g_assert_cmpuint (upstander_text_get_n_variants (text), ==, 2);
  g_assert_cmpstr (upstander_text_get_variant (text, 1, &lang), ==, "Oi");
  g_assert_cmpstr (lang, ==, "pt-BR");
}

static void
test_valid_loads (void)
{
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (VALID, diagnostics, &error);
  UpstanderScenario *scenario;
  const UpstanderScene *start;
  const UpstanderChoice *kind;

  dump (diagnostics);
  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_assert_cmpstr (upstander_bundle_get_id (bundle), ==, "test");
  g_assert_cmpuint (upstander_bundle_get_version (bundle), ==, 1);
  g_assert_cmpuint (upstander_bundle_get_scenarios (bundle)->len, ==, 1);

  scenario = upstander_bundle_lookup_scenario (bundle, "s");
  g_assert_nonnull (scenario);
  g_assert_cmpuint (upstander_scenario_get_age_min (scenario), ==, 8);
  g_assert_cmpuint (upstander_scenario_get_age_max (scenario), ==, 11);
  g_assert_cmpuint (upstander_scenario_get_minutes (scenario), ==, 3);
  g_assert_cmpuint (upstander_scenario_get_n_endings (scenario), ==, 2);
  g_assert_cmpuint (upstander_scenario_get_scenes (scenario)->len, ==, 2);

  start = upstander_scenario_get_start (scenario);
  g_assert_cmpstr (start->id, ==, "start");
  g_assert_cmpint (start->place, ==, UPSTANDER_PLACE_GROUP_CHAT);
  g_assert_cmpuint (start->decision->choices->len, ==, 2);
  g_assert_cmpuint (start->decision->questions->len, ==, 1);
  g_assert_cmpuint (start->facilitator->len, ==, 1);

  kind = upstander_scenario_lookup_choice (scenario, "kind");
  g_assert_cmpstr (kind->sets, ==, "was-kind");
  g_assert_cmpint (kind->effect, ==, UPSTANDER_EFFECT_HELPFUL);
  g_assert_cmpuint (kind->line, ==, line_of (VALID, "<choice id=\"kind\""));

  g_assert_finalize_object (g_steal_pointer (&bundle));
}

static void
test_avatars (void)
{
  g_autofree char *xml = replace (VALID, "<person id=\"ana\" role=\"target\">",
                                  "<person id=\"ana\" role=\"target\" avatar=\"hearing-aid\">");
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, &error);
  UpstanderScenario *scenario;
  GPtrArray *cast;

  dump (diagnostics);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  scenario = upstander_bundle_lookup_scenario (bundle, "s");
  cast = upstander_scenario_get_cast (scenario);
  g_assert_cmpuint (cast->len, >=, 2);
  /* Without avatar= the app shows initials. */
  g_assert_cmpstr (((UpstanderPerson *) g_ptr_array_index (cast, 0))->id, ==, "you");
  g_assert_null (((UpstanderPerson *) g_ptr_array_index (cast, 0))->avatar);
  g_assert_cmpstr (((UpstanderPerson *) g_ptr_array_index (cast, 1))->id, ==, "ana");
  g_assert_cmpstr (((UpstanderPerson *) g_ptr_array_index (cast, 1))->avatar, ==, "hearing-aid");

  g_assert_finalize_object (g_steal_pointer (&bundle));
}

/* team= is read and numbered: the player's team, then the others as the cast names them. */
static void
test_teams (void)
{
  g_autofree char *with_ana = replace (VALID, "<person id=\"ana\" role=\"target\">",
                                       "<person id=\"ana\" role=\"target\" team=\"red\">");
  g_autofree char *xml = replace (with_ana, "<person id=\"you\" role=\"player\">",
                                  "<person id=\"you\" role=\"player\" team=\"blue\">");
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, &error);
  GPtrArray *cast;
  UpstanderPerson *you, *ana;

  dump (diagnostics);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  cast = upstander_scenario_get_cast (upstander_bundle_lookup_scenario (bundle, "s"));
  you = g_ptr_array_index (cast, 0);
  ana = g_ptr_array_index (cast, 1);
  g_assert_cmpstr (you->team, ==, "blue");
  g_assert_cmpint (you->team_number, ==, UPSTANDER_TEAM_PLAYER);
  g_assert_cmpstr (ana->team, ==, "red");
  g_assert_cmpint (ana->team_number, ==, 1);
  /* Without team=, none. */
  for (guint i = 2; i < cast->len; i++)
    {
      g_assert_null (((UpstanderPerson *) g_ptr_array_index (cast, i))->team);
      g_assert_cmpint (((UpstanderPerson *) g_ptr_array_index (cast, i))->team_number, ==, UPSTANDER_TEAM_NONE);
    }

  g_assert_finalize_object (g_steal_pointer (&bundle));
}

static void
test_rule_bad_team (void)
{
  assert_refused ("<person id=\"ana\" role=\"target\">",
                  "<person id=\"ana\" role=\"target\" team=\"Red Team\">",
                  "team=\"Red Team\"", "team=“Red Team” is not a valid id");
}

static void
test_rule_unknown_avatar (void)
{
  assert_refused ("<person id=\"ana\" role=\"target\">",
                  "<person id=\"ana\" role=\"target\" avatar=\"dragon\">",
                  "avatar=\"dragon\"", "avatar=“dragon” is not one of: braids, hijab");
  /* A name is one word of the set, not a part of one or a path. */
  assert_refused ("<person id=\"ana\" role=\"target\">",
                  "<person id=\"ana\" role=\"target\" avatar=\"adult\">",
                  "avatar=\"adult\"", "avatar=“adult” is not one of");
  assert_refused ("<person id=\"ana\" role=\"target\">",
                  "<person id=\"ana\" role=\"target\" avatar=\"../bob\">",
                  "avatar=\"../bob\"", "is not one of");
  /* The schema compares avatar names as tokens; the loader does not. */
  assert_refused ("<person id=\"ana\" role=\"target\">",
                  "<person id=\"ana\" role=\"target\" avatar=\" bob \">",
                  "avatar=\" bob \"", "avatar=“ bob ” is not one of");
}

/*
 * A mistake the checks before the schema explain stops the load before the
 * model is read, whether they run first or after the schema: their message
 * alone, not those of reading the rest.
 */
static void
test_explained_mistake_alone (void)
{
  g_autofree char *xml = replace (VALID, "<person id=\"ana\" role=\"target\">",
                                  "<person id=\"Ana!\" role=\"target\" avatar=\" bob \">");
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, &error);

  dump (diagnostics);
  g_assert_null (bundle);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_true (has_diagnostic (diagnostics, UPSTANDER_SEVERITY_ERROR, line_of (xml, "avatar="),
                                 "avatar=“ bob ” is not one of"));
}

static void
test_example_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "example.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = upstander_bundle_load_file (file, NULL, diagnostics, &error);

  dump (diagnostics);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_nonnull (upstander_bundle_lookup_guide (bundle, "speak-up"));
  g_assert_cmpuint (upstander_bundle_get_help (bundle)->len, ==, 1);
  g_assert_cmpstr (upstander_bundle_get_source (bundle), ==, path);

  g_assert_finalize_object (g_steal_pointer (&bundle));
}

static void
test_whitespace_collapsed (void)
{
  /* Runs of ASCII words are copied whole: where one ends matters. */
  const struct
  {
    const char *written;
    const char *read;
  } cases[] = {
    { "\n   Hi \t there\n  ", "Hi there" },
    { "Hi there you", "Hi there you" },
    { "Hi  there", "Hi there" },
    { "Hi there ", "Hi there" },
    { " Hi there", "Hi there" },
    { "Hi \tthere", "Hi there" },
    { "Hi\nthere\r\nyou", "Hi there you" },
    { "a b c d", "a b c d" },
    { "Zoë is  here, é", "Zoë is here, é" },
    { "Hi\u00A0there  ·  now", "Hi\u00A0there · now" },
    { "x", "x" },
    /* Long enough for blocks of eight plain bytes, taken at once: a break
     * in or at the edge of a block (double space, tab, line break, a space
     * last in a block, UTF-8, the end) is collapsed as any other. */
    { "The quick brown fox jumps over the lazy dog again and again",
      "The quick brown fox jumps over the lazy dog again and again" },
    { "abcdefg  hijklmnop qrstuvw  xyz", "abcdefg hijklmnop qrstuvw xyz" },
    { "abcdefgh ijklmnopq rstuvwxyz", "abcdefgh ijklmnopq rstuvwxyz" },
    { "The quick brown\tfox jumps over  the lazy dog", "The quick brown fox jumps over the lazy dog" },
    { "Sixteen chars ab\ncd ef gh ij kl mn", "Sixteen chars ab cd ef gh ij kl mn" },
    { "Zoë and Chloé were here, and then they left  the  room",
      "Zoë and Chloé were here, and then they left the room" },
    { "a~b~c~d~e~f~g~h~i!j#k$l%m(n)o*p+q,r-s.t/u:v;w=x?y@z[0]1^2_3`4{5|6}7",
      "a~b~c~d~e~f~g~h~i!j#k$l%m(n)o*p+q,r-s.t/u:v;w=x?y@z[0]1^2_3`4{5|6}7" },
    { "Words without breaks abcdefghijklmnopqrstuvwxyz0123456789 end   ",
      "Words without breaks abcdefghijklmnopqrstuvwxyz0123456789 end" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("<text>%s</text>", cases[i].written);
      g_autofree char *xml = replace (VALID, "<text>Hi</text>", text);
      g_autoptr(UpstanderBundle) bundle = load_string (xml, NULL, NULL);
      const UpstanderScene *start = upstander_scenario_get_start (upstander_bundle_lookup_scenario (bundle, "s"));
      const UpstanderLine *line = g_ptr_array_index (start->lines, 0);

      g_assert_cmpstr (upstander_text_get_original (g_ptr_array_index (line->texts, 0)), ==, cases[i].read);
    }
}

/* A title of @n_chars once collapsed: loaded at 200, refused with its count at 201. */
static void
assert_title_limit (const char *written,
                    guint       n_chars)
{
  g_autofree char *title = g_strdup_printf ("<title>%s</title>", written);
  g_autofree char *xml = replace (VALID, "<title>Title</title>", title);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, NULL);

  dump (diagnostics);
  if (n_chars <= 200)
    g_assert_nonnull (bundle);
  else
    g_assert_true (has_diagnostic (diagnostics, UPSTANDER_SEVERITY_ERROR, line_of (xml, "<title>"),
                                   "<title> is 201 characters long; the limit is 200"));
}

/* The limit counts characters after collapsing, across runs of words. */
static void
test_text_limit_after_collapsing (void)
{
  for (guint first = 1; first <= 3; first++)
    {
      g_autoptr(GString) title = g_string_new (NULL);

      /* 1 to 3 characters, then 66 times two spaces and two more: 199 to 201 once collapsed. */
      g_string_append_len (title, "xxx", first);
      for (guint i = 0; i < 66; i++)
        g_string_append (title, i % 2 == 0 ? "  xx" : "\n xx");
      assert_title_limit (title->str, 198 + first);
    }
}

/* Plain text, read eight bytes at a time, is counted as exactly. */
static void
test_text_limit_plain (void)
{
  for (guint length = 200; length <= 201; length++)
    {
      g_autoptr(GString) title = g_string_new (NULL);

      /* Nineteen words of nine letters and a space, then ten or eleven letters. */
      for (guint i = 0; i < 19; i++)
        g_string_append (title, "abcdefghi ");
      g_string_append (title, length == 200 ? "abcdefghij" : "abcdefghijk");
      assert_title_limit (title->str, length);
    }
}

/* Markup and format directives are text like any other, kept as written. */
static void
test_markup_kept_literally (void)
{
  g_autofree char *xml = replace (VALID, "<text>Hi</text>",
                                  "<text>&lt;b&gt;Hi&lt;/b&gt; %s%n &amp; <![CDATA[<span size=\"99999\">]]></text>");
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, NULL);
  const UpstanderScene *start;
  const UpstanderLine *line;

  dump (diagnostics);
  g_assert_nonnull (bundle);
  start = upstander_scenario_get_start (upstander_bundle_lookup_scenario (bundle, "s"));
  line = g_ptr_array_index (start->lines, 0);
  g_assert_cmpstr (upstander_text_get_original (g_ptr_array_index (line->texts, 0)), ==,
                   "<b>Hi</b> %s%n & <span size=\"99999\">");
}

static void
test_translations (void)
{
  g_autofree char *xml = replace (VALID, "<title>Title</title>",
                                  "<title>Title</title>\n"
                                  "    <title xml:lang=\"fr\">Titre</title>\n"
                                  "    <title xml:lang=\"ar\">عنوان</title>");
  g_autoptr(UpstanderBundle) bundle = load_string (xml, NULL, NULL);
  UpstanderScenario *scenario = upstander_bundle_lookup_scenario (bundle, "s");
  const char *french[] = { "fr_FR.UTF-8", "fr", NULL };
  const char *arabic[] = { "ar", NULL };
  const char *german[] = { "de", NULL };

  upstander_bundle_set_languages (bundle, french);
  g_assert_cmpstr (upstander_scenario_get_title (scenario), ==, "Titre");
  g_assert_cmpstr (upstander_scenario_get_language (scenario), ==, "fr");
  upstander_bundle_set_languages (bundle, arabic);
  g_assert_cmpstr (upstander_scenario_get_title (scenario), ==, "عنوان");
  /* A missing translation falls back to the bundle's language, never a blank. */
  upstander_bundle_set_languages (bundle, german);
  g_assert_cmpstr (upstander_scenario_get_title (scenario), ==, "Title");
  g_assert_cmpstr (upstander_scenario_get_summary (scenario), ==, "Summary.");
}

static void
test_unreachable_scene_warns (void)
{
  g_autofree char *xml = replace (VALID, ENDINGS,
                                  "    <scene id=\"lost\" place=\"home\"><continue next=\"good\"/></scene>\n" ENDINGS);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, &error);

  dump (diagnostics);
  g_assert_no_error (error);
  g_assert_nonnull (bundle);
  g_assert_true (has_diagnostic (diagnostics, UPSTANDER_SEVERITY_WARNING,
                                 line_of (xml, "<scene id=\"lost\""), "cannot be reached"));
}

static void
test_unused_flag_warns (void)
{
  g_autofree char *xml = replace (VALID, "effect=\"harmful\">", "effect=\"harmful\" sets=\"unused\">");
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, NULL);

  g_assert_nonnull (bundle);
  g_assert_true (has_diagnostic (diagnostics, UPSTANDER_SEVERITY_WARNING,
                                 line_of (xml, "<scenario "), "“unused” is set but never used"));
}

/* The app adds the effect word itself; feedback that repeats it gets a warning. */
static void
test_feedback_starting_with_effect_word_warns (void)
{
  const char *openings[] = { "This helps because she feels less alone.", "Part of the way there.",
                             "think again: it hurts." };

  for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
    {
      g_autofree char *feedback = g_strdup_printf ("<feedback><text>%s</text></feedback></choice>\n"
                                                   "        <choice id=\"mean\"", openings[i]);
      g_autofree char *xml = replace (VALID, "<feedback><text>Kind.</text></feedback></choice>\n"
                                             "        <choice id=\"mean\"", feedback);
      g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
      g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, NULL);

      dump (diagnostics);
      g_assert_nonnull (bundle);
      g_assert_true (has_diagnostic (diagnostics, UPSTANDER_SEVERITY_WARNING,
                                     line_of (xml, "<choice id=\"kind\""), "which the app already shows"));
    }
}

/* The same words later in the text, or a reason first, are fine. */
static void
test_feedback_with_reason_first_is_quiet (void)
{
  g_autofree char *xml = replace (VALID, "<text>Kind.</text>",
                                  "<text>She feels less alone. This helps, and so does telling an adult.</text>");
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, NULL);

  dump (diagnostics);
  g_assert_nonnull (bundle);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

/* Each rule, broken once. */

static void
test_rule_duplicate_scene_id (void)
{
  assert_refused ("<scene id=\"middle\"", "<scene id=\"start\"", "<scene id=\"start\" place=\"school\"",
                  "a second scene or ending with id=\"start\"");
}

static void
test_rule_dangling_next (void)
{
  assert_refused ("<continue next=\"bad\"/>", "<continue next=\"nowhere\"/>", "next=\"nowhere\"",
                  "next=\"nowhere\" is not a scene or ending");
}

static void
test_rule_unknown_speaker (void)
{
  assert_refused ("<message from=\"ana\">", "<message from=\"zoe\">", "from=\"zoe\"",
                  "from=\"zoe\" is not in the cast");
}

static void
test_rule_no_start (void)
{
  assert_refused (" start=\"yes\"", "", "<scenario ", "has no scene with start=\"yes\"");
}

static void
test_rule_two_starts (void)
{
  assert_refused ("<scene id=\"middle\" place=\"school\">", "<scene id=\"middle\" place=\"school\" start=\"yes\">",
                  "<scene id=\"middle\"", "is a second start");
}

static void
test_rule_flag_never_set (void)
{
  assert_refused ("<narration if=\"was-kind\">", "<narration if=\"was-brave\">", "if=\"was-brave\"",
                  "the flag “was-brave” is never set");
}

static void
test_rule_bad_id (void)
{
  assert_refused ("<scene id=\"middle\"", "<scene id=\"Middle Scene\"", "id=\"Middle Scene\"",
                  "is not a valid id");
}

static void
test_rule_long_id (void)
{
  g_autofree char *long_id = g_strnfill (100000, 'a');
  g_autofree char *attribute = g_strdup_printf ("<scene id=\"%s\"", long_id);

  assert_refused ("<scene id=\"middle\"", attribute, attribute, "is not a valid id");
}

static void
test_rule_blank_text (void)
{
  assert_refused ("<text>Hi</text>", "<text>  \n  </text>", "<text>  ", "<text> is empty");
}

static void
test_rule_too_long_text (void)
{
  g_autofree char *long_text = g_strnfill (5000, 'x');
  g_autofree char *element = g_strdup_printf ("<text>%s</text>", long_text);

  assert_refused ("<text>Hi</text>", element, element, "the limit is 4000");
}

static void
test_rule_long_label (void)
{
  g_autofree char *long_text = g_strnfill (300, 'x');
  g_autofree char *element = g_strdup_printf ("<label>%s</label>", long_text);

  assert_refused ("<label>Be kind</label>", element, element, "the limit is 200");
}

static void
test_rule_bidi_override (void)
{
  assert_refused ("<text>Hi</text>", "<text>Hi &#x202E;evil</text>", "&#x202E;", "U+202E");
  assert_refused ("<text>Hi</text>", "<text>Hi \xE2\x81\xA6isolate</text>", "isolate", "U+2066");
}

static void
test_rule_control_character (void)
{
  assert_refused ("<text>Hi</text>", "<text>Hi \xC2\x85 next</text>", "next</text>", "U+0085");
}

static void
test_rule_one_real_choice (void)
{
  assert_refused ("<choice id=\"mean\" next=\"middle\" effect=\"harmful\">",
                  "<choice id=\"mean\" next=\"middle\" effect=\"harmful\" if=\"was-kind\">",
                  "<decision>", "at least two choices without if= or unless=");
}

static void
test_rule_too_many_choices (void)
{
  const char *extra =
    "        <choice id=\"c3\" next=\"middle\" effect=\"mixed\"><label>3</label><feedback><text>3</text></feedback></choice>\n"
    "        <choice id=\"c4\" next=\"middle\" effect=\"mixed\"><label>4</label><feedback><text>4</text></feedback></choice>\n"
    "        <choice id=\"c5\" next=\"middle\" effect=\"mixed\"><label>5</label><feedback><text>5</text></feedback></choice>\n"
    "      </decision>\n";

  assert_refused ("      </decision>\n", extra, "<choice id=\"c5\"", "at most 4 choices");
}

static void
test_rule_no_way_forward (void)
{
  assert_refused ("      <continue next=\"good\" if=\"was-kind\"/>\n      <continue next=\"bad\"/>\n", "",
                  "<scene id=\"middle\"", "scene “middle” has no way forward");
}

static void
test_rule_conditional_last_continue (void)
{
  assert_refused ("<continue next=\"bad\"/>", "<continue next=\"bad\" unless=\"was-kind\"/>",
                  "unless=\"was-kind\"", "the last <continue> of scene “middle” must have no condition");
}

static void
test_rule_no_ending_reachable (void)
{
  assert_refused ("<continue next=\"good\" if=\"was-kind\"/>\n      <continue next=\"bad\"/>",
                  "<continue next=\"loop\"/>\n    </scene>\n"
                  "    <scene id=\"loop\" place=\"home\"><continue next=\"middle\"/>",
                  "<scene id=\"middle\"", "no ending can be reached from scene “middle”");
}

static void
test_rule_player_count (void)
{
  assert_refused (" role=\"target\"", " role=\"player\"", "<scenario ", "2 people with role=\"player\"");
  assert_refused (" role=\"player\"", "", "<scenario ", "0 people with role=\"player\"");
}

static void
test_rule_undeclared_topic (void)
{
  assert_refused ("topics=\"chats\"", "topics=\"chats games\"", "<scenario ",
                  "topic “games” is not declared");
}

static void
test_rule_unknown_guide (void)
{
  assert_refused ("effect=\"helpful\" sets=\"was-kind\"", "effect=\"helpful\" sets=\"was-kind\" guide=\"nope\"",
                  "guide=\"nope\"", "guide=\"nope\" is not a guide in this bundle");
}

static void
test_rule_bad_language_tag (void)
{
  assert_refused ("<title>Title</title>", "<title>Title</title><title xml:lang=\"english!\">T</title>",
                  "english!", "is not a language tag");
  assert_refused ("xml:lang=\"en\">", "xml:lang=\"\">", "<bundle ", "is not a language tag");
}

static void
test_rule_orphan_translation (void)
{
  assert_refused ("<goal>Goal.</goal>", "<goal xml:lang=\"fr\">But.</goal><goal>Goal.</goal>",
                  "<goal xml:lang", "no <goal> in the bundle's language comes before it");
}

static void
test_rule_duplicate_translation (void)
{
  assert_refused ("<title>Title</title>",
                  "<title>Title</title><title xml:lang=\"fr\">A</title>\n<title xml:lang=\"fr\">B</title>",
                  ">B</title>", "two translations into “fr”");
}

static void
test_rule_two_titles (void)
{
  assert_refused ("<title>Title</title>", "<title>Title</title>\n<title>Other</title>",
                  "<title>Other", "a second <title>");
}

static void
test_rule_ages (void)
{
  assert_refused ("ages=\"8-11\"", "ages=\"11-8\"", "<scenario ", "ages must be a range");
  assert_refused ("ages=\"8-11\"", "ages=\"2-40\"", "<scenario ", "ages must be a range");
}

static void
test_rule_minutes (void)
{
  assert_refused ("minutes=\"3\"", "minutes=\"999\"", "<scenario ", "minutes=“999” must be a whole number from 1 to 120");
}

static void
test_rule_duplicate_choice (void)
{
  assert_refused ("<choice id=\"mean\"", "<choice id=\"kind\"", "<choice id=\"kind\" next=\"middle\" effect=\"harmful\"",
                  "a second choice with id=\"kind\"");
}

static void
test_rule_duplicate_scenario (void)
{
  assert_refused (SCENARIO_CLOSE,
                  SCENARIO_CLOSE "  <!-- again -->" SCENARIO_OPEN START_SCENE MIDDLE_SCENE ENDINGS SCENARIO_CLOSE,
                  "<!-- again -->", "a second scenario with id=\"s\"");
}

static void
test_rule_help_contacts (void)
{
  const char *help =
    "  <help region=\"GB\">\n"
    "    <contact kind=\"helpline\"><name>Line</name><phone>call-us</phone><source>https://example.org/</source></contact>\n"
    "  </help>\n" TAIL;

  assert_refused (TAIL, help, "<phone>", "is not a phone number");
}

static void
test_rule_https_source (void)
{
  const char *help =
    "  <help region=\"GB\">\n"
    "    <contact kind=\"helpline\"><name>Line</name><source>http://example.org/</source></contact>\n"
    "  </help>\n" TAIL;

  assert_refused (TAIL, help, "<source>", "is not an https:// address");
}

/* A <help region="@region"> with advice alone is refused with @message. */
static void
assert_region_refused (const char *region,
                       const char *message)
{
  g_autofree char *help = g_strdup_printf ("  <help region=\"%s\">\n"
                                           "    <advice><text>Tell an adult.</text></advice>\n"
                                           "  </help>\n" TAIL, region);

  assert_refused (TAIL, help, "<help ", message);
}

static void
test_rule_region_all_alone (void)
{
  assert_region_refused ("all GB", "region=\"all\" stands alone");
}

static void
test_rule_region_known (void)
{
  assert_region_refused ("GB UK", "region=\"UK\" is not an ISO 3166-1 code");
}

static void
test_rule_schema (void)
{
  assert_refused ("<narration if=\"was-kind\"><text>Ana smiles.</text></narration>",
                  "<poem><text>Roses</text></poem>", "<poem>", "poem");
  assert_refused ("place=\"school\"", "place=\"moon\"", "place=\"moon\"", "place=“moon” is not one of");
  /* The values named are the enum's nicks, all of them, but for the one a left-out role means. */
  assert_refused ("effect=\"harmful\"", "effect=\"great\"", "effect=\"great\"",
                  "effect=“great” is not one of: helpful, mixed, harmful");
  assert_refused ("role=\"target\"", "role=\"none\"", "role=\"none\"",
                  "role=“none” is not one of: player, target, friend, adult");
  /* A value with spaces around it is not the value: the schema compares
   * strings, not tokens, else such a bundle would pass it unexplained. */
  assert_refused ("place=\"school\"", "place=\" school \"", "place=\" school \"",
                  "place=“ school ” is not one of");
  assert_refused ("effect=\"harmful\"", "effect=\"harmful \"", "effect=\"harmful \"",
                  "effect=“harmful ” is not one of");
}

static void
test_rule_namespace (void)
{
  assert_refused ("xmlns=\"urn:upstander:bundle:1\" ", "", "<bundle ", "the root element must be <bundle xmlns=");
  assert_refused ("urn:upstander:bundle:1", "urn:upstander:bundle:9", "<bundle ", "the root element must be");
}

static void
test_rule_too_many_scenes (void)
{
  g_autoptr(GString) scenes = g_string_new (NULL);

  for (guint i = 0; i < 205; i++)
    g_string_append_printf (scenes, "    <scene id=\"extra-%u\" place=\"home\"><continue next=\"good\"/></scene>\n", i);
  g_string_append (scenes, ENDINGS);

  assert_refused (ENDINGS, scenes->str, "<scene id=\"extra-198\"", "more than 200 scenes and endings");
}

static void
test_not_half_loaded (void)
{
  /* One bad scenario refuses the whole bundle: the good one is not shown alone. */
  g_autofree char *second = g_strdup (SCENARIO_OPEN START_SCENE MIDDLE_SCENE ENDINGS SCENARIO_CLOSE);
  g_autofree char *renamed = replace (second, "<scenario id=\"s\"", "<scenario id=\"t\"");
  g_autofree char *broken = replace (renamed, "<continue next=\"bad\"/>", "<continue next=\"void\"/>");
  g_autofree char *xml = replace (VALID, SCENARIO_CLOSE, SCENARIO_CLOSE);
  g_autofree char *both = replace (xml, TAIL, broken);
  g_autofree char *full = g_strconcat (both, TAIL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (full, NULL, &error);

  g_assert_null (bundle);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID);
}

/* Search and sort use what the card shows, in the reader's language, whichever way it changed. */
static void
test_search_follows_language (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "ui", "ui-stories.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = upstander_bundle_load_file (file, NULL, NULL, &error);
  const char *english[] = { "en", NULL };
  const char *french[] = { "fr", NULL };
  g_autofree char *old_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *english_key = NULL;
  g_autofree char *collate_key = NULL;
  UpstanderScenario *sticker;

  g_assert_no_error (error);
  sticker = upstander_bundle_lookup_scenario (bundle, "the-sticker");
  g_assert_nonnull (sticker);

  upstander_bundle_set_languages (bundle, english);
  upstander_scenario_prepare_search (sticker);
  g_assert_true (upstander_scenario_matches_search (sticker, "STICKER"));
  g_assert_true (upstander_scenario_matches_search (sticker, "classmate"));
  g_assert_true (upstander_scenario_matches_search (sticker, "group chats"));
  g_assert_true (upstander_scenario_matches_search (sticker, ""));
  g_assert_false (upstander_scenario_matches_search (sticker, "autocollant"));

  english_key = g_strdup (upstander_scenario_get_sort_key (sticker));
  g_assert_cmpstr (english_key, ==, collate_key = g_utf8_collate_key ("The sticker", -1));

  upstander_bundle_set_languages (bundle, french);
  g_assert_cmpstr (upstander_scenario_get_sort_key (sticker), !=, english_key);
  g_assert_true (upstander_scenario_matches_search (sticker, "L’AUTOCOLLANT"));
  g_assert_false (upstander_scenario_matches_search (sticker, "sticker"));

  /* With no languages of its own the bundle follows the environment, and
   * nothing tells the scenario when that changes: the search sees it anyway. */
  upstander_bundle_set_languages (bundle, NULL);
  g_setenv ("LANGUAGE", "en", TRUE);
  upstander_scenario_prepare_search (sticker);
  g_assert_true (upstander_scenario_matches_search (sticker, "sticker"));
  g_assert_cmpstr (upstander_scenario_get_sort_key (sticker), ==, english_key);
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_false (upstander_scenario_matches_search (sticker, "sticker"));
  g_assert_cmpstr (upstander_scenario_get_sort_key (sticker), !=, english_key);
  g_assert_true (upstander_scenario_matches_folded (sticker, "camarade"));

  if (old_language != NULL)
    g_setenv ("LANGUAGE", old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_assert_finalize_object (g_steal_pointer (&bundle));
}

/* A topic named several times is the bundle's own topic, listed once: a
 * reference costs a pointer, not a copy of every translated name. */
static void
test_topic_references_shared (void)
{
  g_autofree char *xml = replace (VALID, "topics=\"chats\"", "topics=\"chats chats\n chats\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (xml, NULL, &error);
  g_autofree char *names = NULL;
  UpstanderScenario *scenario;
  GPtrArray *topics;

  g_assert_no_error (error);
  scenario = upstander_bundle_lookup_scenario (bundle, "s");
  topics = upstander_scenario_get_topics (scenario);
  g_assert_cmpuint (topics->len, ==, 1);
  g_assert_true (g_ptr_array_index (topics, 0) == g_ptr_array_index (upstander_bundle_get_topics (bundle), 0));

  /* It outlives the bundle for as long as the scenario does. */
  g_object_ref (scenario);
  g_clear_object (&bundle);
  g_assert_cmpstr (((UpstanderTopic *) g_ptr_array_index (topics, 0))->id, ==, "chats");
  names = upstander_scenario_dup_topic_names (scenario);
  g_assert_cmpstr (names, ==, "Chats");
  g_assert_finalize_object (scenario);
}

/* More topic references than the limit, however they are separated. */
static void
test_topic_references_limited (void)
{
  g_autoptr(GString) many = g_string_new ("topics=\"");
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;

  for (guint i = 0; i < 21; i++)
    g_string_append (many, "chats&#9;");
  g_string_append (many, "\"");
  xml = replace (VALID, "topics=\"chats\"", many->str);
  bundle = load_string (xml, diagnostics, &error);
  dump (diagnostics);

  g_assert_null (bundle);
  g_assert_true (has_diagnostic (diagnostics, UPSTANDER_SEVERITY_ERROR, line_of (xml, "<scenario"),
                                 "topics= lists 21 values; the limit is 20"));
}

#define LESSON_KIT \
  "    <goal>Goal.</goal>\n" \
  "    <lesson-plan>\n" \
  "      <step minutes=\"10\"><title>Start</title><title xml:lang=\"fr\">Début</title><text>Ask.</text><text>Listen.</text></step>\n" \
  "      <step minutes=\"30\"><title>Play</title><text>Play it.</text></step>\n" \
  "    </lesson-plan>\n" \
  "    <check>\n" \
  "      <statement>I know one.</statement>\n" \
  "      <statement xml:lang=\"fr\">J'en connais un.</statement>\n" \
  "      <statement>I know two.</statement>\n" \
  "      <statement>I know three.</statement>\n" \
  "    </check>\n"

/* An authored lesson plan and before-and-after check load, with their translations. */
static void
test_lesson_kit_loads (void)
{
  g_autofree char *xml = replace (VALID, "    <goal>Goal.</goal>\n", LESSON_KIT);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, &error);
  const char *french[] = { "fr", NULL };
  UpstanderScenario *scenario;
  GPtrArray *steps, *statements;
  const UpstanderPlanStep *first;

  dump (diagnostics);
  g_assert_no_error (error);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  scenario = upstander_bundle_lookup_scenario (bundle, "s");
  steps = upstander_scenario_get_plan_steps (scenario);
  statements = upstander_scenario_get_check_statements (scenario);
  g_assert_cmpuint (steps->len, ==, 2);
  first = g_ptr_array_index (steps, 0);
  g_assert_cmpuint (first->minutes, ==, 10);
  g_assert_cmpuint (first->texts->len, ==, 2);
  g_assert_cmpuint (((const UpstanderPlanStep *) g_ptr_array_index (steps, 1))->minutes, ==, 30);
  g_assert_cmpuint (statements->len, ==, 3);
  g_assert_cmpstr (upstander_scenario_translate (scenario, g_ptr_array_index (statements, 2)), ==, "I know three.");

  upstander_bundle_set_languages (bundle, french);
  g_assert_cmpstr (upstander_scenario_translate (scenario, first->title), ==, "Début");
  g_assert_cmpstr (upstander_scenario_translate (scenario, g_ptr_array_index (statements, 0)), ==, "J'en connais un.");
}

/* Both are optional: a scenario without them has none. */
static void
test_lesson_kit_optional (void)
{
  g_autoptr(UpstanderBundle) bundle = load_string (VALID, NULL, NULL);
  UpstanderScenario *scenario = upstander_bundle_lookup_scenario (bundle, "s");

  g_assert_cmpuint (upstander_scenario_get_plan_steps (scenario)->len, ==, 0);
  g_assert_cmpuint (upstander_scenario_get_check_statements (scenario)->len, ==, 0);
}

static void
assert_kit_refused (const char *old,
                    const char *new,
                    const char *marker,
                    const char *message)
{
  g_autofree char *kit = replace (LESSON_KIT, old, new);
  g_autofree char *xml = replace (VALID, "    <goal>Goal.</goal>\n", kit);
  g_autoptr(GPtrArray) diagnostics = upstander_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = load_string (xml, diagnostics, &error);

  dump (diagnostics);
  g_assert_null (bundle);
  g_assert_error (error, UPSTANDER_BUNDLE_ERROR, UPSTANDER_BUNDLE_ERROR_INVALID);
  if (!has_diagnostic (diagnostics, UPSTANDER_SEVERITY_ERROR, line_of (xml, marker), message))
    g_error ("expected an error containing “%s” on the line of “%s”", message, marker);
}

static void
test_rule_check_statements (void)
{
  assert_kit_refused ("      <statement>I know three.</statement>\n", "", "<check>",
                      "a <check> has from 3 to 5 statements, not 2");
  assert_kit_refused ("      <statement>I know three.</statement>\n",
                      "      <statement>3</statement><statement>4</statement><statement>5</statement><statement>6</statement>\n",
                      "<check>", "not 6");
}

static void
test_rule_plan_minutes (void)
{
  assert_kit_refused ("minutes=\"30\"", "minutes=\"0\"", "minutes=\"0\"", "doesn't allow value '0'");
  assert_kit_refused ("minutes=\"30\"", "minutes=\"115\"", "<lesson-plan>", "take 125 minutes; a lesson plan has at most 120");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/upstander/loader/valid-loads", test_valid_loads);
  g_test_add_func ("/upstander/loader/search-follows-language", test_search_follows_language);
  g_test_add_func ("/upstander/loader/lesson-kit-loads", test_lesson_kit_loads);
  g_test_add_func ("/upstander/loader/lesson-kit-optional", test_lesson_kit_optional);
  g_test_add_func ("/upstander/loader/rule/check-statements", test_rule_check_statements);
  g_test_add_func ("/upstander/loader/rule/plan-minutes", test_rule_plan_minutes);
  g_test_add_func ("/upstander/loader/topic-references-shared", test_topic_references_shared);
  g_test_add_func ("/upstander/loader/topic-references-limited", test_topic_references_limited);
  g_test_add_func ("/upstander/loader/avatars", test_avatars);
  g_test_add_func ("/upstander/loader/rule/unknown-avatar", test_rule_unknown_avatar);
  g_test_add_func ("/upstander/loader/example-fixture", test_example_fixture);
  g_test_add_func ("/upstander/loader/whitespace-collapsed", test_whitespace_collapsed);
  g_test_add_func ("/upstander/loader/text-limit-plain", test_text_limit_plain);
  g_test_add_func ("/upstander/loader/explained-mistake-alone", test_explained_mistake_alone);
  g_test_add_func ("/upstander/loader/text-limit-after-collapsing", test_text_limit_after_collapsing);
  g_test_add_func ("/upstander/loader/markup-kept-literally", test_markup_kept_literally);
  g_test_add_func ("/upstander/loader/translations", test_translations);
  g_test_add_func ("/upstander/loader/unreachable-scene-warns", test_unreachable_scene_warns);
  g_test_add_func ("/upstander/loader/unused-flag-warns", test_unused_flag_warns);
  g_test_add_func ("/upstander/loader/feedback-starting-with-effect-word-warns", test_feedback_starting_with_effect_word_warns);
  g_test_add_func ("/upstander/loader/feedback-with-reason-first-is-quiet", test_feedback_with_reason_first_is_quiet);
  g_test_add_func ("/upstander/loader/not-half-loaded", test_not_half_loaded);
  g_test_add_func ("/upstander/loader/rule/duplicate-scene-id", test_rule_duplicate_scene_id);
  g_test_add_func ("/upstander/loader/rule/dangling-next", test_rule_dangling_next);
  g_test_add_func ("/upstander/loader/rule/unknown-speaker", test_rule_unknown_speaker);
  g_test_add_func ("/upstander/loader/rule/no-start", test_rule_no_start);
  g_test_add_func ("/upstander/loader/rule/two-starts", test_rule_two_starts);
  g_test_add_func ("/upstander/loader/rule/flag-never-set", test_rule_flag_never_set);
  g_test_add_func ("/upstander/loader/rule/bad-id", test_rule_bad_id);
  g_test_add_func ("/upstander/loader/rule/bad-team", test_rule_bad_team);
  g_test_add_func ("/upstander/loader/teams", test_teams);
  g_test_add_func ("/upstander/loader/rule/long-id", test_rule_long_id);
  g_test_add_func ("/upstander/loader/rule/blank-text", test_rule_blank_text);
  g_test_add_func ("/upstander/loader/rule/too-long-text", test_rule_too_long_text);
  g_test_add_func ("/upstander/loader/rule/long-label", test_rule_long_label);
  g_test_add_func ("/upstander/loader/rule/bidi-override", test_rule_bidi_override);
  g_test_add_func ("/upstander/loader/rule/control-character", test_rule_control_character);
  g_test_add_func ("/upstander/loader/rule/one-real-choice", test_rule_one_real_choice);
  g_test_add_func ("/upstander/loader/rule/too-many-choices", test_rule_too_many_choices);
  g_test_add_func ("/upstander/loader/rule/no-way-forward", test_rule_no_way_forward);
  g_test_add_func ("/upstander/loader/rule/conditional-last-continue", test_rule_conditional_last_continue);
  g_test_add_func ("/upstander/loader/rule/no-ending-reachable", test_rule_no_ending_reachable);
  g_test_add_func ("/upstander/loader/rule/player-count", test_rule_player_count);
  g_test_add_func ("/upstander/loader/rule/undeclared-topic", test_rule_undeclared_topic);
  g_test_add_func ("/upstander/loader/rule/unknown-guide", test_rule_unknown_guide);
  g_test_add_func ("/upstander/loader/rule/bad-language-tag", test_rule_bad_language_tag);
  g_test_add_func ("/upstander/loader/rule/orphan-translation", test_rule_orphan_translation);
  g_test_add_func ("/upstander/loader/rule/duplicate-translation", test_rule_duplicate_translation);
  g_test_add_func ("/upstander/loader/rule/two-titles", test_rule_two_titles);
  g_test_add_func ("/upstander/loader/rule/ages", test_rule_ages);
  g_test_add_func ("/upstander/loader/rule/minutes", test_rule_minutes);
  g_test_add_func ("/upstander/loader/rule/duplicate-choice", test_rule_duplicate_choice);
  g_test_add_func ("/upstander/loader/rule/duplicate-scenario", test_rule_duplicate_scenario);
  g_test_add_func ("/upstander/loader/rule/help-contacts", test_rule_help_contacts);
  g_test_add_func ("/upstander/loader/rule/https-source", test_rule_https_source);
  g_test_add_func ("/upstander/loader/rule/region-all-alone", test_rule_region_all_alone);
  g_test_add_func ("/upstander/loader/rule/region-known", test_rule_region_known);
  g_test_add_func ("/upstander/loader/rule/schema", test_rule_schema);
  g_test_add_func ("/upstander/loader/enum-nicks/match-schema", test_enum_nicks_match_schema);
  g_test_add_func ("/upstander/loader/enum-nicks/load", test_enum_nicks_load);
  g_test_add_func ("/upstander/loader/language-spellings", test_language_spellings);
  g_test_add_func ("/upstander/loader/rule/namespace", test_rule_namespace);
  g_test_add_func ("/upstander/loader/rule/too-many-scenes", test_rule_too_many_scenes);

  return g_test_run ();
}

/* fuzz-bundle.c: libFuzzer target: any bytes through the bundle loader and its checks */
#define G_LOG_DOMAIN "fuzz-bundle"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fuzz.h"
#include "upstander-bundle.h"

static void
walk_bundle (UpstanderBundle *bundle)
{
  GPtrArray *scenarios = upstander_bundle_get_scenarios (bundle);

  /* Touch what the app reads from a loaded bundle. */
  for (guint i = 0; i < scenarios->len; i++)
    {
      UpstanderScenario *scenario = g_ptr_array_index (scenarios, i);
      const UpstanderScene *start = upstander_scenario_get_start (scenario);

      g_assert (upstander_scenario_get_title (scenario) != NULL);
      g_assert (start != NULL);
      for (guint l = 0; l < start->lines->len; l++)
        {
          const UpstanderLine *line = g_ptr_array_index (start->lines, l);

          for (guint t = 0; t < line->texts->len; t++)
            g_assert (upstander_bundle_translate (bundle, g_ptr_array_index (line->texts, t)) != NULL);
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UpstanderBundle) bundle = NULL;

  fuzz_init ();

  bytes = g_bytes_new (data, size);
  diagnostics = upstander_diagnostics_new ();
  bundle = upstander_bundle_load_bytes (bytes, "fuzz.xml", diagnostics, &error);

  /* Loaded, or refused with a reason: never both, never neither. */
  if (bundle != NULL)
    {
      g_assert (error == NULL);
      g_assert (upstander_diagnostics_count (diagnostics, UPSTANDER_SEVERITY_ERROR) == 0);
      walk_bundle (bundle);
    }
  else
    {
      g_assert (error != NULL);
    }

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = upstander_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_assert (g_utf8_validate (line, -1, NULL));
      g_assert (strchr (line, '\n') == NULL);
      /* Nothing that could reorder or hide text where the message is shown. */
      for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          g_assert (!g_unichar_iscntrl (c));
          g_assert (!((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)));
        }
    }

  return 0;
}

#ifdef UPSTANDER_FUZZING
/*
 * Structure-aware mutations: byte flips rarely keep a bundle well-formed and
 * valid, so most inputs would stop at the parser or the schema. Half of the
 * time, a seed that parses is changed as a tree instead: an element deleted,
 * duplicated or moved before its previous sibling, or an attribute given
 * another value of the same document (an id where a reference was, a flag
 * where a condition was). Those reach the readers and the checks:
 * references, flags, reachability, limits per parent.
 */

size_t LLVMFuzzerMutate (guint8 *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator (guint8 *data, size_t size, size_t max_size, unsigned int seed);

static void
collect (xmlNode   *node,
         GPtrArray *elements,
         GPtrArray *values)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      g_ptr_array_add (elements, node);
      for (xmlAttr *attribute = node->properties; attribute != NULL; attribute = attribute->next)
        {
          if (attribute->children != NULL && attribute->children->content != NULL)
            g_ptr_array_add (values, attribute->children->content);
        }
      collect (node->children, elements, values);
    }
}

static gboolean
mutate_tree (xmlDoc *doc,
             GRand  *rand)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  static const char *references[] = { "next", "if", "unless", "sets", "guide", "from", "id", "topics" };
  xmlNode *node;

  collect (xmlDocGetRootElement (doc), elements, values);
  if (elements->len < 2 || values->len == 0)
    return FALSE;

  /* Never the root: it would only make the document invalid at once. */
  node = g_ptr_array_index (elements, g_rand_int_range (rand, 1, elements->len));

  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      xmlUnlinkNode (node);
      xmlFreeNode (node);
      break;

    case 1:
      xmlAddNextSibling (node, xmlCopyNode (node, 1));
      break;

    case 2:
      if (node->prev != NULL)
        {
          xmlNode *before = node->prev;

          xmlUnlinkNode (node);
          xmlAddPrevSibling (before, node);
        }
      break;

    case 3:
      {
        const char *name = references[g_rand_int_range (rand, 0, G_N_ELEMENTS (references))];
        g_autofree char *value = g_strdup (g_ptr_array_index (values, g_rand_int_range (rand, 0, values->len)));

        xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) value);
      }
      break;

    default:
      if (node->properties != NULL)
        xmlRemoveProp (node->properties);
      break;
    }

  return TRUE;
}

size_t
LLVMFuzzerCustomMutator (guint8       *data,
                         size_t        size,
                         size_t        max_size,
                         unsigned int  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  xmlDoc *doc;
  xmlChar *out = NULL;
  int out_size = 0;

  fuzz_init ();

  if (g_rand_boolean (rand) || size > G_MAXINT)
    return LLVMFuzzerMutate (data, size, max_size);

  doc = xmlReadMemory ((const char *) data, (int) size, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || !mutate_tree (doc, rand))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      return LLVMFuzzerMutate (data, size, max_size);
    }

  xmlDocDumpMemoryEnc (doc, &out, &out_size, "UTF-8");
  xmlFreeDoc (doc);
  if (out == NULL || out_size <= 0 || (size_t) out_size > max_size)
    {
      xmlFree (out);
      return LLVMFuzzerMutate (data, size, max_size);
    }

  memcpy (data, out, out_size);
  xmlFree (out);

  return out_size;
}
#endif

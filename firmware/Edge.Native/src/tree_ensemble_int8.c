/*
 * Tree ensembles on float-key features: the native override of TreeEnsembleInt8.Eval. Each
 * split compares the feature's order-preserving integer key with the threshold's, leaf values
 * are summed per target in int32 fixed point and rounded half away from zero to int8.
 *
 * The walk follows indices read from the model, so every index is computed as C# computes it
 * (32-bit, wrapping) and checked against its array before use, the check C# makes on every
 * array access. A node whose child offset is 0 would make the managed walk spin for ever; here
 * it is an error.
 */
#include "edge_internal.h"

static inline int in_array(int32_t index, int32_t count)
{
    return (uint32_t)index < (uint32_t)count;
}

static inline int decide(int32_t mode, int32_t x, int32_t threshold)
{
    switch (mode)
    {
    case EDGE_TREE_BRANCH_LEQ: return x <= threshold;
    case EDGE_TREE_BRANCH_LT: return x < threshold;
    case EDGE_TREE_BRANCH_GTE: return x >= threshold;
    case EDGE_TREE_BRANCH_GT: return x > threshold;
    case EDGE_TREE_BRANCH_EQ: return x == threshold;
    default: return x != threshold;
    }
}

/* The node index of the leaf a walk from root ends in, or a negative EDGE_E_* code. */
static int32_t find_leaf(const int32_t *ints, int32_t ints_count, int32_t nodes_at, int32_t root,
                         const int32_t *features, int32_t features_count, int32_t features_at, int32_t *leaf)
{
    int32_t node = root;
    for (;;)
    {
        int32_t at = edge_wrap_add(nodes_at, edge_wrap_mul(EDGE_TREE_NODE_INTS, node));
        int32_t at1 = edge_wrap_add(at, 1);
        if (!in_array(at1, ints_count)) return EDGE_E_RANGE;
        int32_t kind = ints[at1];
        if ((kind >> 24) == EDGE_TREE_LEAF)
        {
            *leaf = node;
            return EDGE_OK;
        }
        int32_t at2 = edge_wrap_add(at, 2);
        if (!in_array(at2, ints_count) || !in_array(at, ints_count)) return EDGE_E_RANGE;
        int32_t children = ints[at2];
        int32_t feature = edge_wrap_add(features_at, kind & 0xFFFFFF);
        if (!in_array(feature, features_count)) return EDGE_E_RANGE;
        int32_t step = decide(kind >> 24, features[feature], ints[at]) ? (children & 0xFFFF) : ((children >> 16) & 0xFFFF);
        if (step == 0) return EDGE_E_ARGUMENT;
        node = edge_wrap_add(node, step);
    }
}

int32_t edge_tree_ensemble_int8(const int32_t *p, int32_t p_count,
                                const int32_t *ints, int32_t ints_count,
                                int32_t *arena32, int32_t arena32_count,
                                int8_t *arena8, int32_t arena8_count,
                                int32_t input, int32_t output)
{
    if (p_count < EDGE_TREE_PARAMETERS) return EDGE_E_RANGE;
    const int32_t targets = p[EDGE_TREE_TARGET_COUNT];
    const int32_t acc = p[EDGE_TREE_ACCUMULATORS_AT];
    const int32_t nodes_at = p[EDGE_TREE_NODES_AT];
    const int32_t leaf_weights_at = p[EDGE_TREE_LEAF_WEIGHTS_AT];
    const int32_t base_at = p[EDGE_TREE_BASE_VALUES_AT];
    if (!edge_fits(acc, targets, arena32_count) || !edge_fits(base_at, targets, ints_count) ||
        !edge_fits(output, targets, arena8_count))
        return EDGE_E_RANGE;
    for (int32_t t = 0; t < targets; t++) arena32[acc + t] = ints[base_at + t];
    const int32_t trees = p[EDGE_TREE_TREE_COUNT];
    const int32_t roots_at = p[EDGE_TREE_ROOTS_AT];
    for (int32_t tree = 0; tree < trees; tree++)
    {
        int32_t root_index = edge_wrap_add(roots_at, tree);
        if (!in_array(root_index, ints_count)) return EDGE_E_RANGE;
        int32_t found;
        int32_t status = find_leaf(ints, ints_count, nodes_at, ints[root_index], arena32, arena32_count, input, &found);
        if (status != EDGE_OK) return status;
        int32_t leaf = edge_wrap_add(nodes_at, edge_wrap_mul(EDGE_TREE_NODE_INTS, found));
        int32_t leaf1 = edge_wrap_add(leaf, 1);
        if (!in_array(leaf, ints_count) || !in_array(leaf1, ints_count)) return EDGE_E_RANGE;
        int32_t first = edge_wrap_add(leaf_weights_at, edge_wrap_mul(2, ints[leaf]));
        int32_t count = ints[leaf1] & 0xFFFFFF;
        for (int32_t w = 0; w < count; w++)
        {
            int32_t pair = edge_wrap_add(first, edge_wrap_mul(2, w));
            int32_t value_at = edge_wrap_add(pair, 1);
            if (!in_array(pair, ints_count) || !in_array(value_at, ints_count)) return EDGE_E_RANGE;
            int32_t target = edge_wrap_add(acc, ints[pair]);
            if (!in_array(target, arena32_count)) return EDGE_E_RANGE;
            arena32[target] = edge_wrap_add(arena32[target], ints[value_at]);
        }
    }
    const int32_t fraction = p[EDGE_TREE_FRACTION_BITS];
    const int32_t zero_point = p[EDGE_TREE_OUTPUT_ZERO_POINT];
    for (int32_t t = 0; t < targets; t++)
    {
        int32_t v = edge_wrap_add(edge_rounding_divide_by_pot(arena32[acc + t], fraction), zero_point);
        arena8[output + t] = (int8_t)edge_clamp(v, EDGE_INT8_MIN, EDGE_INT8_MAX);
    }
    return EDGE_OK;
}

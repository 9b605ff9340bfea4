/*
 * What every kernel file shares: C#'s integer semantics in C, the golden requantisation
 * (firmware/Edge.Device/Inference/QuantMath.cs), and the range checks of the entry points.
 *
 * C# integers wrap on overflow and mask shift counts to five bits; C leaves signed overflow
 * undefined. Wherever a managed expression can wrap, the C below computes it in uint32_t and
 * converts back (GCC and Clang define that conversion as modulo 2^32), so results agree for
 * every input, not only for the inputs a valid model produces.
 */
#ifndef EDGE_INTERNAL_H
#define EDGE_INTERNAL_H

#include <stdint.h>
#include "edge_native.h"
#include "edge_params.h"

#define EDGE_INT8_MIN (-128)
#define EDGE_INT8_MAX 127

static inline int32_t edge_wrap_add(int32_t a, int32_t b)
{
    return (int32_t)((uint32_t)a + (uint32_t)b);
}

static inline int32_t edge_wrap_mul(int32_t a, int32_t b)
{
    return (int32_t)((uint32_t)a * (uint32_t)b);
}

/* C#'s x << n for int: the count is taken modulo 32. */
static inline int32_t edge_shift_left(int32_t x, int32_t n)
{
    return (int32_t)((uint32_t)x << (n & 31));
}

static inline int32_t edge_clamp(int32_t v, int32_t min, int32_t max)
{
    if (v < min) return min;
    if (v > max) return max;
    return v;
}

/* Elements [start, start + count) lie inside an array of length elements (an empty range always does). */
static inline int edge_fits(int32_t start, int64_t count, int32_t length)
{
    if (count <= 0) return 1;
    return start >= 0 && (int64_t)start + count <= (int64_t)length;
}

/* Two ranges of one array share an element. */
static inline int edge_overlaps(int32_t a, int64_t a_count, int32_t b, int64_t b_count)
{
    if (a_count <= 0 || b_count <= 0) return 0;
    return (int64_t)a < (int64_t)b + b_count && (int64_t)b < (int64_t)a + a_count;
}

/* gemmlowp's saturating rounding doubling high multiply: round(a*b / 2^31), ties toward
 * +infinity; INT32_MIN * INT32_MIN, the one product that does not fit, saturates. The managed
 * code adds a sign-dependent nudge and divides truncating; floor((a*b + 2^30) / 2^31), taken
 * here with an arithmetic shift, is the same number for every product. The multiplier b is
 * tested first: it is a model constant, almost never INT32_MIN, so the test costs one compare. */
static inline int32_t edge_doubling_high_mul(int32_t a, int32_t b)
{
    if (b == INT32_MIN && a == INT32_MIN) return INT32_MAX;
    return (int32_t)(((int64_t)a * (int64_t)b + ((int64_t)1 << 30)) >> 31);
}

/* gemmlowp's rounding divide by 2^exponent: nearest, ties away from zero (QuantMath.RoundingDivideByPot). */
static inline int32_t edge_rounding_divide_by_pot(int32_t x, int32_t exponent)
{
    if (exponent <= 0) return x;
    int32_t e = exponent & 31;
    int32_t mask = (int32_t)(((uint32_t)1 << e) - 1u);
    int32_t remainder = x & mask;
    int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> e) + (remainder > threshold ? 1 : 0);
}

/*
 * One output channel's requantisation with what depends only on the channel worked out once.
 * edge_requantize gives exactly clamp(MultiplyByQuantizedMultiplier(acc, M, shift) + zero
 * point) as the managed kernels do, shift counts taken modulo 32 as C# takes them.
 *
 * The common case (no left shift, a right shift r >= 1, M in (2^30, 2^31)) takes one 64-bit
 * multiply-accumulate instead of the two roundings in turn. With X = acc*M + 2^30 the high
 * multiply is h = floor(X / 2^31), and the divide rounds h to floor((h + 2^(r-1) - [h<0]) / 2^r);
 * nested floors of divisions by 2^31 and 2^r are one floor of a division by 2^(31+r), so
 *   result = (acc*M + 2^30 + 2^(30+r) - [h<0]*2^31) >> (31 + r),
 * and with M > 2^30, h < 0 exactly when acc < 0. |acc*M| < 2^62 keeps the sum inside int64,
 * and as 31 + r >= 32 the result is the high word shifted right by r - 1. Every other case runs
 * the two roundings as written (gemmlowp's functions).
 */
typedef struct
{
    int32_t multiplier;
    int32_t left;          /* 0..31 */
    int32_t right;         /* 0..31; 0 leaves the value as it is (the managed early return) */
    int32_t mask;          /* 2^right - 1; the common case: -1 */
    uint32_t rounding_low; /* the common case: 2^30 + 2^(30+r), low and high word */
    int32_t rounding_high;
} edge_requant;

/* The channel's requantisation; with reused set when it will requantise many outputs (a
 * convolution's positions), worth working out the common case's constants. */
static inline edge_requant edge_requant_prepare(int32_t multiplier, int32_t shift, int reused)
{
    /* max(shift, 0) and max(-shift, 0) without branches; -INT32_MIN wraps to a negative
     * exponent, which the managed code also leaves unshifted. */
    int32_t negated = (int32_t)(0u - (uint32_t)shift);
    edge_requant r;
    r.multiplier = multiplier;
    r.left = (shift & ~(shift >> 31)) & 31;
    r.right = (negated & ~(negated >> 31)) & 31;
    r.mask = (int32_t)(((uint32_t)1 << r.right) - 1u);
    if (reused && r.left == 0 && r.right >= 1 && multiplier > (1 << 30))
    {
        r.mask = -1;
        r.rounding_low = (1u << 30) + (r.right == 1 ? 1u << 31 : 0u);
        r.rounding_high = r.right >= 2 ? 1 << (r.right - 2) : 0;
    }
    return r;
}

/* The channel's requantisation for a single output. */
static inline edge_requant edge_requant_of(int32_t multiplier, int32_t shift)
{
    return edge_requant_prepare(multiplier, shift, 0);
}

/* A value the compiler cannot see through: keeps it from turning a short fill or copy loop into
 * a call of memset or memcpy (not linked in the firmware's kernels, and dearer than the few
 * bytes they move here). */
static inline int32_t edge_opaque(int32_t v)
{
#if defined(__GNUC__)
    __asm__("" : "+r"(v));
#endif
    return v;
}

#if defined(__GNUC__)
#define EDGE_LIKELY(x) __builtin_expect(!!(x), 1)
#else
#define EDGE_LIKELY(x) (x)
#endif

static inline int32_t edge_requant_apply(int32_t acc, const edge_requant *r)
{
    if (EDGE_LIKELY(r->mask == -1))
    {
        int64_t sum = (int64_t)(((uint64_t)(uint32_t)r->rounding_high << 32) | r->rounding_low)
                      - ((int64_t)(acc < 0) << 31) + (int64_t)acc * r->multiplier;
        return (int32_t)(sum >> 32) >> (r->right - 1);
    }
    int32_t high = edge_doubling_high_mul((int32_t)((uint32_t)acc << r->left), r->multiplier);
    int32_t remainder = high & r->mask;
    int32_t threshold = (r->mask >> 1) + (int32_t)((uint32_t)high >> 31);
    return (high >> r->right) + (remainder > threshold ? 1 : 0);
}

static inline int8_t edge_requantize(int32_t acc, const edge_requant *r, int32_t zero_point, int32_t min, int32_t max)
{
    return (int8_t)edge_clamp(edge_wrap_add(edge_requant_apply(acc, r), zero_point), min, max);
}

/* TFLM's MultiplyByQuantizedMultiplier, double rounding (QuantMath.MultiplyByQuantizedMultiplier). */
static inline int32_t edge_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int32_t shift)
{
    edge_requant r = edge_requant_of(multiplier, shift);
    return edge_requant_apply(x, &r);
}

#endif /* EDGE_INTERNAL_H */

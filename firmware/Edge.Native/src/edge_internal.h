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
 * here with an arithmetic shift, is the same number for every product. */
static inline int32_t edge_doubling_high_mul(int32_t a, int32_t b)
{
    if (a == INT32_MIN && b == INT32_MIN) return INT32_MAX;
    return (int32_t)(((int64_t)a * (int64_t)b + ((int64_t)1 << 30)) >> 31);
}

/* The same without the saturation test, for a multiplier known not to be INT32_MIN. */
static inline int32_t edge_doubling_high_mul_unsat(int32_t a, int32_t b)
{
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

/* TFLM's MultiplyByQuantizedMultiplier, double rounding (QuantMath.MultiplyByQuantizedMultiplier). */
static inline int32_t edge_multiply_by_quantized_multiplier(int32_t x, int32_t multiplier, int32_t shift)
{
    int32_t left = shift > 0 ? shift : 0;
    int32_t right = shift > 0 ? 0 : (int32_t)(0u - (uint32_t)shift);
    return edge_rounding_divide_by_pot(edge_doubling_high_mul(edge_shift_left(x, left), multiplier), right);
}

/*
 * One output channel's requantisation with everything that depends only on the channel worked
 * out once: the left shift, the divisor's mask and half, and whether the saturating case of the
 * high multiply can occur at all. edge_requantize gives exactly
 * clamp(MultiplyByQuantizedMultiplier(acc, M, shift) + zero point) as the managed kernels do.
 */
typedef struct
{
    int32_t multiplier;
    int32_t left;          /* 0..31 */
    int32_t right;         /* 0..31; 0 leaves the value as it is */
    int32_t mask;          /* 2^right - 1 */
    int32_t half;          /* mask >> 1 */
    int32_t saturates;     /* multiplier == INT32_MIN */
} edge_requant;

static inline edge_requant edge_requant_of(int32_t multiplier, int32_t shift)
{
    edge_requant r;
    int32_t left = shift > 0 ? shift : 0;
    int32_t right = shift > 0 ? 0 : (int32_t)(0u - (uint32_t)shift);
    r.multiplier = multiplier;
    r.left = left & 31;
    r.right = right <= 0 ? 0 : (right & 31);
    r.mask = (int32_t)(((uint32_t)1 << r.right) - 1u);
    r.half = r.mask >> 1;
    r.saturates = multiplier == INT32_MIN;
    return r;
}

static inline int32_t edge_requant_apply(int32_t acc, const edge_requant *r)
{
    int32_t scaled = (int32_t)((uint32_t)acc << r->left);
    int32_t high = r->saturates ? edge_doubling_high_mul(scaled, r->multiplier)
                                : edge_doubling_high_mul_unsat(scaled, r->multiplier);
    /* With right = 0 the mask is 0 and this leaves high unchanged, as the managed early return does. */
    int32_t remainder = high & r->mask;
    int32_t threshold = r->half + (int32_t)((uint32_t)high >> 31);
    return (high >> r->right) + (remainder > threshold ? 1 : 0);
}

static inline int8_t edge_requantize(int32_t acc, const edge_requant *r, int32_t zero_point, int32_t min, int32_t max)
{
    return (int8_t)edge_clamp(edge_wrap_add(edge_requant_apply(acc, r), zero_point), min, max);
}

#endif /* EDGE_INTERNAL_H */

/* What the managed side asks once at start, to decide whether to use this library. */
#include "edge_internal.h"
#include "edge_simd.h"

int32_t edge_native_abi_version(void)
{
    return EDGE_NATIVE_ABI_VERSION;
}

int32_t edge_native_features(void)
{
    return EDGE_DSP ? EDGE_FEATURE_DSP : 0;
}

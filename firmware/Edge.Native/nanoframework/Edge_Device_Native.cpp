//
// Edge.Device.Native's native data for nanoCLR: one handler per method of the assembly, in the
// order the MetadataProcessor numbers them (types in its order, each type's virtual, instance,
// then static methods in declaration order; nullptr for a method without native code), the
// checksum the MetadataProcessor computes over the InternalCall signatures (nanoCLR refuses the
// managed assembly when it differs), and the native version of AssemblyNativeVersion.
// tests/Edge.Native.Tests recomputes both from the compiled assembly.
//

#include "Edge_Device_Native.h"

// clang-format off

static const CLR_RT_MethodHandler method_lookup[] =
{
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::AbiVersion___STATIC__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::Features___STATIC__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::FullyConnectedInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::Conv1DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::MaxPool1DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::AveragePool1DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::ClampInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::AddInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::MulInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::LookupTableInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I1__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::SoftmaxInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I4__SZARRAY_I1__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::ReshapeInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::TreeEnsembleInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I4__SZARRAY_I4__SZARRAY_I1__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::InvokeInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::DriftLayoutCheck___STATIC__VOID__SZARRAY_I4__I4__I4,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::DriftObserve___STATIC__VOID__SZARRAY_I4__SZARRAY_I4__SZARRAY_I4__I4__SZARRAY_U2__SZARRAY_I8__SZARRAY_I8__BOOLEAN__SZARRAY_U2__SZARRAY_I8__SZARRAY_I8__SZARRAY_U2,
    Library_Edge_Device_Native_Edge_Device_Native_NativeKernels::DriftDecay___STATIC__VOID__SZARRAY_U2__I4,
};

const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_Edge_Device_Native =
{
    "Edge.Device.Native",
    0x6ACE2FE9,
    method_lookup,
    { 1, 0, 0, 0 }
};

// clang-format on

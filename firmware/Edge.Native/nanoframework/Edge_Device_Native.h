//
// Edge native kernels: nanoFramework interop glue for the assembly Edge.Device.Native
// (firmware/Edge.Device.Native). Laid out as nanoFramework's MetadataProcessor lays out the stubs
// it generates for an interop assembly (NFMDP_GENERATE_STUBS): this header declares one native
// handler per InternalCall method, named <method>___STATIC__<return>__<parameters>, and the
// assembly's native data; Edge_Device_Native.cpp holds the method table and checksum.
// Written for Edge, not generated; tests/Edge.Native.Tests checks names, order and checksum
// against the compiled assembly.
//

#ifndef EDGE_DEVICE_NATIVE_H
#define EDGE_DEVICE_NATIVE_H

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>
#include <nanoPackStruct.h>

struct Library_Edge_Device_Native_Edge_Device_Native_NativeKernels
{
    NANOCLR_NATIVE_DECLARE(AbiVersion___STATIC__I4);
    NANOCLR_NATIVE_DECLARE(Features___STATIC__I4);
    NANOCLR_NATIVE_DECLARE(FullyConnectedInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__I4__I4);
    NANOCLR_NATIVE_DECLARE(Conv1DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__I4__I4);
    NANOCLR_NATIVE_DECLARE(MaxPool1DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4);
    NANOCLR_NATIVE_DECLARE(AveragePool1DInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4);
    NANOCLR_NATIVE_DECLARE(ClampInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4);
    NANOCLR_NATIVE_DECLARE(AddInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4__I4);
    NANOCLR_NATIVE_DECLARE(MulInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4__I4);
    NANOCLR_NATIVE_DECLARE(LookupTableInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I1__I4__I4);
    NANOCLR_NATIVE_DECLARE(SoftmaxInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I4__SZARRAY_I1__I4__I4);
    NANOCLR_NATIVE_DECLARE(ReshapeInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__I4__I4);
    NANOCLR_NATIVE_DECLARE(TreeEnsembleInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I4__SZARRAY_I4__SZARRAY_I1__I4__I4);
    NANOCLR_NATIVE_DECLARE(InvokeInt8___STATIC__VOID__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4__SZARRAY_I1__SZARRAY_I4);
    NANOCLR_NATIVE_DECLARE(DriftLayoutCheck___STATIC__VOID__SZARRAY_I4__I4__I4);
    NANOCLR_NATIVE_DECLARE(
        DriftObserve___STATIC__VOID__SZARRAY_I4__SZARRAY_I4__SZARRAY_I4__I4__SZARRAY_U2__SZARRAY_I8__SZARRAY_I8__BOOLEAN__SZARRAY_U2__SZARRAY_I8__SZARRAY_I8__SZARRAY_U2);
    NANOCLR_NATIVE_DECLARE(DriftDecay___STATIC__VOID__SZARRAY_U2__I4);

    //--//
};

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_Edge_Device_Native;

#endif // EDGE_DEVICE_NATIVE_H

using System;
using Edge.Device.Native;

namespace Edge.Device.Runtime
{
    /// <summary>
    /// Whether this firmware (or host process) has the native kernels of firmware/Edge.Native in
    /// the version this code expects. Asked once, at the first use, by calling the interop
    /// assembly's <see cref="NativeKernels.AbiVersion"/>: a firmware built without them throws
    /// (nanoCLR finds no native code for the method), a host without the library throws
    /// DllNotFoundException, and then the managed kernels run, unchanged.
    /// </summary>
    public static class NativeCode
    {
        /// <summary>The native entry points' version this code was written against (EDGE_NATIVE_ABI_VERSION).</summary>
        public const int ExpectedAbiVersion = 2;

        private static int _state;   // 0: not asked yet, 1: available, 2: not available

        public static bool IsAvailable
        {
            get
            {
                if (_state == 0) _state = Probe() ? 1 : 2;
                return _state == 1;
            }
        }

        private static bool Probe()
        {
            try
            {
                return NativeKernels.AbiVersion() == ExpectedAbiVersion;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}

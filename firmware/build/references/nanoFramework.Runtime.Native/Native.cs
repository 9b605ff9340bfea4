// Reference declarations: nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native),
// only the members the board app calls. Signatures only; see ../README.md.
using Edge.Firmware.References;

[assembly: UpstreamPackage("nanoFramework.Runtime.Native", "1.7.11")]

namespace nanoFramework.Runtime.Native
{
    [UpstreamPackage("nanoFramework.Runtime.Native", "1.7.11")]
    public static class GC
    {
        /// <summary>Runs a full collection (compacting on request) and returns the free managed heap in bytes.</summary>
        public static extern uint Run(bool compactHeap);
    }
}

namespace System
{
    /// <summary>Upstream declares Environment here (a partial class), not in mscorlib.</summary>
    [UpstreamPackage("nanoFramework.Runtime.Native", "1.7.11")]
    public static class Environment
    {
        public static extern long TickCount64 { get; }
    }
}

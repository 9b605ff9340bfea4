using System.Reflection;

// The interop assembly's native version: the firmware's stubs carry the same version and the
// checksum of these InternalCall signatures; nanoCLR refuses the assembly when the checksum differs.
[assembly: AssemblyTitle("Edge.Device.Native")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyNativeVersion("1.0.0.0")]

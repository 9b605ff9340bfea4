// Reference declarations: nanoFramework.System.IO.Streams 1.1.96 (assembly System.IO.Streams),
// only what the SD-card store's FileStream needs. Signatures only; see ../README.md.
using System;
using Edge.Firmware.References;

[assembly: UpstreamPackage("nanoFramework.System.IO.Streams", "1.1.96")]

namespace System.IO
{
    [UpstreamPackage("nanoFramework.System.IO.Streams", "1.1.96")]
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract void Write(byte[] buffer, int offset, int count);

        public void Dispose() { throw null; }
    }

    [UpstreamPackage("nanoFramework.System.IO.Streams", "1.1.96")]
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }
}

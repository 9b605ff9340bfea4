// Reference declarations: nanoFramework.System.IO.Ports 1.1.132 (assembly System.IO.Ports),
// only the members the board app calls. Signatures only; see ../README.md.
using System;
using Edge.Firmware.References;

[assembly: UpstreamPackage("nanoFramework.System.IO.Ports", "1.1.132")]

namespace System.IO.Ports
{
    [UpstreamPackage("nanoFramework.System.IO.Ports", "1.1.132")]
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { throw null; }

        public void Open() { throw null; }

        public int ReadBufferSize { get { throw null; } set { throw null; } }

        public extern int BytesToRead { get; }

        public extern int Read(byte[] buffer, int offset, int count);

        public extern void Write(byte[] buffer, int offset, int count);

        public void Dispose() { throw null; }
    }

    [UpstreamPackage("nanoFramework.System.IO.Ports", "1.1.132")]
    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    [UpstreamPackage("nanoFramework.System.IO.Ports", "1.1.132")]
    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }
}

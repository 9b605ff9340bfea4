using System.IO.Ports;
using Edge.Device.Board;

namespace Edge.Firmware.Adapters
{
    /// <summary>The link on a UART (nanoFramework.System.IO.Ports): non-blocking reads from the driver's receive buffer.</summary>
    internal sealed class UartTransport : ITransport
    {
        private readonly SerialPort _port;

        public UartTransport(string name, int baud)
        {
            _port = new SerialPort(name, baud, Parity.None, 8, StopBits.One);
            _port.ReadBufferSize = 2048;
            _port.Open();
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int available = _port.BytesToRead;
            if (available == 0) return 0;
            return _port.Read(buffer, offset, available < count ? available : count);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }
    }
}

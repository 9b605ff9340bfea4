using System;

namespace Edge.Device.Codec
{
    /// <summary>A file or frame Edge cannot accept: truncated, corrupt, foreign or of an unknown version.</summary>
    public class EdgeFormatException : Exception
    {
        public EdgeFormatException(string message) : base(message)
        {
        }
    }
}

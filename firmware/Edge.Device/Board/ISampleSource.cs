namespace Edge.Device.Board
{
    /// <summary>
    /// Samples the board takes itself (an ADC feature pipeline, a sensor bus), as opposed to rows
    /// the host streams over the link. The loop asks without waiting; a source that has nothing
    /// new returns false.
    /// </summary>
    public interface ISampleSource
    {
        /// <summary>Writes the next row (the configured row width) into row at offset; false when no sample is ready.</summary>
        bool TryRead(float[] row, int offset);
    }
}

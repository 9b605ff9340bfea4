namespace Edge.Device.Board
{
    /// <summary>
    /// Non-volatile storage for the committed model and profile and for an upload in progress, so a
    /// board that restarts runs its last good model and can resume an interrupted upload. On a
    /// board: internal flash or an SD card; in simulation: files.
    /// </summary>
    public interface IModelStore
    {
        /// <summary>The committed file of this kind (1 model, 2 drift profile), or null.</summary>
        byte[] LoadCommitted(byte kind);

        /// <summary>Replaces the committed file of this kind (only called with a verified file).</summary>
        void SaveCommitted(byte kind, byte[] data, int length);

        /// <summary>Starts recording a new upload: what the staged bytes are meant to become.</summary>
        void BeginStaging(byte kind, int length, uint crc);

        /// <summary>Records a chunk staged at offset (chunks arrive in order; flash-friendly appends).</summary>
        void AppendStaging(int offset, byte[] data, int from, int count);

        /// <summary>Restores upload progress into buffer; returns the staged length (0 if none) and the announced kind, length and CRC.</summary>
        int LoadStaging(byte[] buffer, out byte kind, out int length, out uint crc);

        void ClearStaging();
    }
}

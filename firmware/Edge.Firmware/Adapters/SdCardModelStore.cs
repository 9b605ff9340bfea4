using System;
using System.IO;
using Edge.Device.Board;
using Edge.Device.Codec;

namespace Edge.Firmware.Adapters
{
    /// <summary>
    /// Committed files and an upload in progress on an SD card (nanoFramework.System.IO.FileSystem),
    /// so a board that restarts runs its last good model. The committed file is replaced by
    /// writing a new file and renaming it, so power loss leaves the old or the new one.
    /// Compiled only for targets with a file system (EdgeSdStore=true, EDGE_SD_STORE): the
    /// F746ZG and F401RE firmware has none.
    /// </summary>
    internal sealed class SdCardModelStore : IModelStore
    {
        private readonly string _folder;

        private SdCardModelStore(string folder)
        {
            _folder = folder;
        }

        /// <summary>The store, or null when the target has no card mounted.</summary>
        public static SdCardModelStore TryOpen(string folder)
        {
            try
            {
                if (!Directory.Exists(folder)) Directory.CreateDirectory(folder);
                return new SdCardModelStore(folder);
            }
            catch (Exception)
            {
                return null;
            }
        }

        private string Committed(byte kind)
        {
            return _folder + (kind == UploadKind.Model ? "\\model.edgem" : "\\profile.edgp");
        }

        public byte[] LoadCommitted(byte kind)
        {
            string path = Committed(kind);
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        public void SaveCommitted(byte kind, byte[] data, int length)
        {
            string path = Committed(kind);
            string temporary = path + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create))
            {
                file.Write(data, 0, length);
            }
            if (File.Exists(path)) File.Delete(path);
            File.Move(temporary, path);
        }

        public void BeginStaging(byte kind, int length, uint crc)
        {
            var header = new byte[9];
            header[0] = kind;
            LittleEndian.WriteInt32(header, 1, length);
            LittleEndian.WriteUInt32(header, 5, crc);
            File.WriteAllBytes(_folder + "\\staging.header", header);
            File.WriteAllBytes(_folder + "\\staging.data", new byte[0]);
        }

        public void AppendStaging(int offset, byte[] data, int from, int count)
        {
            using (var file = new FileStream(_folder + "\\staging.data", FileMode.OpenOrCreate))
            {
                file.Seek(offset, SeekOrigin.Begin);
                file.Write(data, from, count);
            }
        }

        public int LoadStaging(byte[] buffer, out byte kind, out int length, out uint crc)
        {
            kind = UploadKind.None;
            length = 0;
            crc = 0;
            string header = _folder + "\\staging.header";
            string data = _folder + "\\staging.data";
            if (!File.Exists(header) || !File.Exists(data)) return 0;
            byte[] h = File.ReadAllBytes(header);
            if (h.Length != 9) return 0;
            kind = h[0];
            length = LittleEndian.ReadInt32(h, 1);
            crc = LittleEndian.ReadUInt32(h, 5);
            byte[] staged = File.ReadAllBytes(data);
            int count = staged.Length < buffer.Length ? staged.Length : buffer.Length;
            Array.Copy(staged, buffer, count);
            return count;
        }

        public void ClearStaging()
        {
            string header = _folder + "\\staging.header";
            string data = _folder + "\\staging.data";
            if (File.Exists(header)) File.Delete(header);
            if (File.Exists(data)) File.Delete(data);
        }
    }
}

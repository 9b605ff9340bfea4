// Reference declarations: nanoFramework.System.IO.FileSystem 1.1.87 (assembly System.IO.FileSystem),
// only the members the SD-card store calls. Signatures only; see ../README.md.
using System;
using Edge.Firmware.References;

[assembly: UpstreamPackage("nanoFramework.System.IO.FileSystem", "1.1.87")]

namespace System.IO
{
    [UpstreamPackage("nanoFramework.System.IO.FileSystem", "1.1.87")]
    public static class Directory
    {
        public static DirectoryInfo CreateDirectory(string path) { throw null; }

        public static bool Exists(string path) { throw null; }
    }

    [UpstreamPackage("nanoFramework.System.IO.FileSystem", "1.1.87")]
    public abstract class FileSystemInfo : MarshalByRefObject
    {
    }

    [UpstreamPackage("nanoFramework.System.IO.FileSystem", "1.1.87")]
    public sealed class DirectoryInfo : FileSystemInfo
    {
        private DirectoryInfo() { }
    }

    [UpstreamPackage("nanoFramework.System.IO.FileSystem", "1.1.87")]
    public static class File
    {
        public static void Delete(string path) { throw null; }

        public static bool Exists(string path) { throw null; }

        public static void Move(string sourceFileName, string destFileName) { throw null; }

        public static byte[] ReadAllBytes(string path) { throw null; }

        public static void WriteAllBytes(string path, byte[] bytes) { throw null; }
    }

    [UpstreamPackage("nanoFramework.System.IO.FileSystem", "1.1.87")]
    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) { throw null; }

        public override long Seek(long offset, SeekOrigin origin) { throw null; }

        public override void Write(byte[] buffer, int offset, int count) { throw null; }
    }

    [UpstreamPackage("nanoFramework.System.IO.FileSystem", "1.1.87")]
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }
}

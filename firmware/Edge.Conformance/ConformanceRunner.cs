using System;
using Edge.Device.Codec;
using Edge.Device.Drift;
using Edge.Device.Inference;
using Edge.Device.Link;
using Edge.Device.Model;
using Edge.Device.Numerics;

namespace Edge.Conformance
{
    /// <summary>
    /// Runs the device code's core computations on cases described by a blob and prints one line
    /// per result, with every output's bits in hex, so that nanoCLR's run and .NET's run of the
    /// same source can be compared line by line (tests/Edge.Device.Tests/Conformance). The blob is
    /// a sequence of cases, little-endian: a kind byte, a tag byte, then
    /// <list type="bullet">
    /// <item>1 model: u32 length, the .edgem file, u16 rows, u16 values per row, rows x values
    /// float32 bits; prints "m tag row outputs" per row;</item>
    /// <item>2 drift: u32 length, the .edgp file, u16 rows, u16 columns, rows x columns int32
    /// (the profile's fixed point), rows bytes (1 = anomalous); prints "d tag window ..." with
    /// every metric of every column of each completed window;</item>
    /// <item>3 fixed-point math: u16 count, count x u64; prints "f tag x ln sqrt ratio" per value;</item>
    /// <item>4 link: u16 length, a payload; prints "l tag crc wire-length decoded" for a frame
    /// encoded, COBS-stuffed and decoded again.</item>
    /// </list>
    /// </summary>
    public static class ConformanceRunner
    {
        public const byte ModelCase = 1;
        public const byte DriftCase = 2;
        public const byte MathCase = 3;
        public const byte LinkCase = 4;

        public static void Run(byte[] blob, IConformanceOutput output)
        {
            int at = 0;
            while (at < blob.Length)
            {
                byte kind = blob[at];
                byte tag = blob[at + 1];
                at += 2;
                if (kind == ModelCase) at = Model(blob, at, tag, output);
                else if (kind == DriftCase) at = Drift(blob, at, tag, output);
                else if (kind == MathCase) at = Math(blob, at, tag, output);
                else if (kind == LinkCase) at = Link(blob, at, tag, output);
                else throw new ArgumentException("unknown case kind " + kind.ToString());
            }
            output.Line("end");
        }

        private static byte[] Slice(byte[] blob, int at, int length)
        {
            var copy = new byte[length];
            Array.Copy(blob, at, copy, 0, length);
            return copy;
        }

        private static int Model(byte[] blob, int at, byte tag, IConformanceOutput output)
        {
            int length = LittleEndian.ReadInt32(blob, at);
            EdgeModel model = ModelReader.Read(Slice(blob, at + 4, length));
            at += 4 + length;
            int rows = LittleEndian.ReadUInt16(blob, at);
            int width = LittleEndian.ReadUInt16(blob, at + 2);
            at += 4;
            var interpreter = new Interpreter(model, 0);
            bool keys = model.Tensors[model.Inputs[0].Tensor].Type == TensorType.Float32Key;
            var bits = new int[width];
            var values = new float[width];
            // Every output in turn on one line (a classifier's label after its probabilities).
            int outputs = model.Outputs.Length;
            int longest = 0;
            for (int o = 0; o < outputs; o++) if (interpreter.OutputLength(o) > longest) longest = interpreter.OutputLength(o);
            var result = new float[longest];
            for (int r = 0; r < rows; r++)
            {
                for (int i = 0; i < width; i++)
                {
                    bits[i] = LittleEndian.ReadInt32(blob, at);
                    values[i] = BitConverter.ToSingle(blob, at);
                    at += 4;
                }
                if (keys) interpreter.SetInputFloat32Bits(0, bits, 0);
                else interpreter.SetInput(0, values, 0);
                interpreter.Invoke();
                string line = "m " + tag.ToString() + " " + r.ToString();
                for (int o = 0; o < outputs; o++)
                {
                    interpreter.GetOutput(o, result, 0);
                    for (int k = 0; k < interpreter.OutputLength(o); k++) line += " " + Hex(FloatBits.ToInt32(result[k]));
                }
                output.Line(line);
            }
            return at;
        }

        private static int Drift(byte[] blob, int at, byte tag, IConformanceOutput output)
        {
            int length = LittleEndian.ReadInt32(blob, at);
            var profile = DriftProfileReader.Read(blob, at + 4, length, "conformance profile");
            at += 4 + length;
            int rows = LittleEndian.ReadUInt16(blob, at);
            int columns = LittleEndian.ReadUInt16(blob, at + 2);
            at += 4;
            var monitor = new DriftMonitor(profile);
            var row = new int[columns];
            int flags = at + rows * columns * 4;
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    row[c] = LittleEndian.ReadInt32(blob, at);
                    at += 4;
                }
                if (!monitor.Observe(row, 0, blob[flags + r] != 0)) continue;
                var w = monitor.LastWindow;
                string line = "d " + tag.ToString() + " " + monitor.WindowsCompleted.ToString() + " " + w.DriftedFeatures.ToString() + " " + w.DriftShareQ16.ToString()
                    + " " + (w.Drifting ? "1" : "0") + " " + monitor.Policy.LastVerdict.ToString();
                for (int c = 0; c < columns; c++)
                {
                    line += " " + Hex(w.Psi[c]) + "," + Hex(w.Kl[c]) + "," + Hex(w.Js[c]) + "," + Hex(w.Hellinger[c]) + "," + Hex(w.Tvd[c]) + "," + Hex(w.Ks[c])
                        + "," + Hex(w.Wasserstein[c]) + "," + Hex(w.ChiSquare[c]) + "," + Hex(w.Z[c]) + "," + (w.Drifted[c] ? "1" : "0");
                }
                output.Line(line);
            }
            return flags + rows;
        }

        private static int Math(byte[] blob, int at, byte tag, IConformanceOutput output)
        {
            int count = LittleEndian.ReadUInt16(blob, at);
            at += 2;
            for (int i = 0; i < count; i++)
            {
                ulong x = (ulong)LittleEndian.ReadInt64(blob, at);
                at += 8;
                long ln = x == 0 ? 0 : FixedMath.LnQ32(x);
                ulong root = FixedMath.Sqrt(x);
                long ratio = FixedMath.RatioQ30((long)(x & 0xFFFFFFF), (long)(x >> 36) + 1);
                output.Line("f " + tag.ToString() + " " + x.ToString() + " " + ln.ToString() + " " + root.ToString() + " " + ratio.ToString());
            }
            return at;
        }

        private static int Link(byte[] blob, int at, byte tag, IConformanceOutput output)
        {
            int length = LittleEndian.ReadUInt16(blob, at);
            at += 2;
            var encoder = new FrameEncoder();
            int payloadAt = at;
            Array.Copy(blob, at, encoder.Payload, FrameEncoder.PayloadAt, length);
            at += length;
            int wire = encoder.Finish(FrameType.Telemetry, 0, 0, tag, 0, length);
            uint crc = Crc32.Compute(encoder.Wire, 0, wire);
            var decoder = new FrameDecoder();
            int frames = 0;
            for (int i = 0; i < wire; i++)
            {
                if (decoder.Push(encoder.Wire[i])) frames++;
            }
            bool same = frames == 1 && decoder.PayloadLength == length;
            for (int i = 0; same && i < length; i++) same = decoder.Frame[LinkFrame.PayloadAt + i] == blob[payloadAt + i];
            output.Line("l " + tag.ToString() + " " + length.ToString() + " " + wire.ToString() + " " + crc.ToString() + " " + (same ? "1" : "0"));
            return at;
        }

        private static string Hex(int value)
        {
            return ((uint)value).ToString("x8");
        }
    }
}

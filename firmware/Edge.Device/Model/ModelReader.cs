using System;
using Edge.Device.Codec;
using Edge.Device.Inference;

namespace Edge.Device.Model
{
    /// <summary>
    /// Reads and validates an .edgem file (spec: firmware/docs/model-format.md): header, CRC-32,
    /// section table, sections, and every operation's parameters against the tensors and
    /// constants. Anything wrong fails with an <see cref="EdgeFormatException"/> naming what and
    /// where; nothing is trusted before the checksum matches.
    /// </summary>
    public static class ModelReader
    {
        private const string Source = "model";

        public static EdgeModel Read(byte[] data)
        {
            if (data == null) throw new ArgumentNullException("data");
            return Read(data, data.Length);
        }

        /// <summary>Reads the first <paramref name="length"/> bytes of <paramref name="data"/> (a receive buffer may be larger).</summary>
        public static EdgeModel Read(byte[] data, int length)
        {
            return Read(data, length, true);
        }

        /// <summary>
        /// Reads a model as a board keeps it: metadata strings and the embedded drift profile are not
        /// copied (the profile is only located, <see cref="EdgeModel.DriftProfileAt"/>), so loading
        /// from the staging buffer costs no heap for them. Build the monitor from the file before
        /// the buffer is reused.
        /// </summary>
        public static EdgeModel ReadResident(byte[] data, int length)
        {
            return Read(data, length, false);
        }

        private static EdgeModel Read(byte[] data, int length, bool copyAll)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (length < 0 || length > data.Length) throw new ArgumentOutOfRangeException("length");
            int minimum = EdgeModelFormat.HeaderSize + EdgeModelFormat.TrailerSize;
            if (length < 4 || LittleEndian.ReadUInt32(data, EdgeModelFormat.MagicOffset) != EdgeModelFormat.Magic)
                throw new EdgeFormatException(Source + ": not an Edge model file (no EDGM magic at byte 0)");
            if (length < minimum)
                throw new EdgeFormatException(Source + ": truncated: " + length.ToString() + " bytes, the header and checksum alone take " + minimum.ToString());
            int version = LittleEndian.ReadUInt16(data, EdgeModelFormat.VersionOffset);
            if (version > EdgeModelFormat.Version)
                throw new EdgeFormatException(Source + ": format version " + version.ToString() + " is newer than this reader (" + EdgeModelFormat.Version.ToString() + "); update the firmware or the edge tool");
            if (version < 1) throw new EdgeFormatException(Source + ": format version 0 is not valid");
            int declared = LittleEndian.ReadInt32(data, EdgeModelFormat.FileLengthOffset);
            if (declared > length)
                throw new EdgeFormatException(Source + ": truncated: the header declares " + declared.ToString() + " bytes, only " + length.ToString() + " are present");
            if (declared != length)
                throw new EdgeFormatException(Source + ": the header declares " + declared.ToString() + " bytes but the file has " + length.ToString());
            uint stored = LittleEndian.ReadUInt32(data, length - EdgeModelFormat.TrailerSize);
            uint actual = Crc32.Compute(data, 0, length - EdgeModelFormat.TrailerSize);
            if (stored != actual)
                throw new EdgeFormatException(Source + ": checksum mismatch (CRC-32 stored " + Hex(stored) + ", computed " + Hex(actual) + "): the file is corrupt");
            if (LittleEndian.ReadUInt16(data, EdgeModelFormat.HeaderSizeOffset) != EdgeModelFormat.HeaderSize)
                throw new EdgeFormatException(Source + ": header size is not " + EdgeModelFormat.HeaderSize.ToString());
            for (int i = 0; i < EdgeModelFormat.ReservedLength; i++)
            {
                if (data[EdgeModelFormat.ReservedOffset + i] != 0) throw new EdgeFormatException(Source + ": reserved header bytes are not zero");
            }
            int flags = LittleEndian.ReadUInt16(data, EdgeModelFormat.FlagsOffset);
            if ((flags & EdgeModelFormat.ArithmeticMask) != EdgeModelFormat.ArithmeticTflmDoubleRounding)
                throw new EdgeFormatException(Source + ": arithmetic " + (flags & EdgeModelFormat.ArithmeticMask).ToString() + " is not supported (only TFLM double rounding, 0)");
            byte[] id = new byte[EdgeModelFormat.ModelIdLength];
            Array.Copy(data, EdgeModelFormat.ModelIdOffset, id, 0, id.Length);
            SectionTable sections = SectionTable.Read(data, length);
            return ReadSections(data, sections, id, flags, length, copyAll);
        }

        private static EdgeModel ReadSections(byte[] data, SectionTable sections, byte[] id, int flags, int length, bool copyAll)
        {
            ByteReader graph = sections.Required(data, SectionId.Graph);
            ByteReader tensorSection = sections.Required(data, SectionId.Tensors);
            string[] keys;
            string[] values;
            ReadMetadata(copyAll ? sections.Optional(data, SectionId.Metadata) : null, out keys, out values);
            TensorInfo[] tensors = ReadTensors(tensorSection, data);
            sbyte[] weights = ReadWeights(sections.Optional(data, SectionId.Weights));
            int[] ints = ReadInts(sections.Optional(data, SectionId.Int32Data));
            ByteReader driftSection = sections.Optional(data, SectionId.DriftProfile);
            byte[] drift = copyAll ? ReadBytes(driftSection, "drift profile") : new byte[0];

            int arena8 = graph.ReadInt32("int8 arena length");
            int arena32 = graph.ReadInt32("int32 arena length");
            if (arena8 < 0 || arena32 < 0 || arena8 > EdgeModelFormat.MaxCount * 64 || arena32 > EdgeModelFormat.MaxCount * 16)
                throw graph.Fail("arena lengths " + arena8.ToString() + " / " + arena32.ToString() + " are not plausible");
            CheckPlacement(tensors, arena8, arena32);
            InputQuantizer[] inputs = ReadInputs(graph, data, tensors);
            int[] outputs = ReadTensorList(graph, tensors, "output");
            Operation[] operations = ReadOperations(graph, tensors.Length);
            if (graph.Remaining != 0) throw graph.Fail(graph.Remaining.ToString() + " unexpected bytes after the operations");

            var model = new EdgeModel(id, flags, keys, values, tensors, inputs, outputs, operations, arena8, arena32, weights, ints, drift, length);
            if (driftSection != null) model.LocateDriftProfile(driftSection.Position, driftSection.Remaining);
            for (int i = 0; i < operations.Length; i++) Kernels.Check(new ModelCheck(model, operations[i], i));
            return model;
        }

        private static void ReadMetadata(ByteReader r, out string[] keys, out string[] values)
        {
            int count = r == null ? 0 : r.ReadUInt16("metadata count");
            keys = new string[count];
            values = new string[count];
            for (int i = 0; i < count; i++)
            {
                keys[i] = r.ReadShortString("metadata key");
                values[i] = r.ReadShortString("metadata value");
            }
        }

        private static TensorInfo[] ReadTensors(ByteReader r, byte[] data)
        {
            int count = r.ReadUInt16("tensor count");
            var tensors = new TensorInfo[count];
            for (int i = 0; i < count; i++)
            {
                string name = r.ReadShortString("tensor name");
                int type = r.ReadByte("tensor type");
                if (type != TensorType.Int8 && type != TensorType.Float32Key) throw r.Fail("tensor '" + name + "' has unknown type " + type.ToString());
                int rank = r.ReadByte("tensor rank");
                if (rank < 1 || rank > EdgeModelFormat.MaxRank) throw r.Fail("tensor '" + name + "' has rank " + rank.ToString());
                int[] shape = new int[rank];
                long elements = 1;
                for (int d = 0; d < rank; d++)
                {
                    shape[d] = r.ReadInt32("tensor dimension");
                    if (shape[d] <= 0) throw r.Fail("tensor '" + name + "' has dimension " + shape[d].ToString());
                    elements *= shape[d];
                    if (elements > EdgeModelFormat.MaxCount) throw r.Fail("tensor '" + name + "' is too large");
                }
                float scale = ReadSingle(r, data, "tensor scale");
                if (!(scale > 0) || scale > 3.0e38f) throw r.Fail("tensor '" + name + "' has scale " + scale.ToString() + ", must be positive and finite");
                int zeroPoint = r.ReadInt32("tensor zero point");
                if (type == TensorType.Int8 && (zeroPoint < -128 || zeroPoint > 127)) throw r.Fail("tensor '" + name + "' has zero point " + zeroPoint.ToString());
                int offset = r.ReadInt32("tensor arena offset");
                tensors[i] = new TensorInfo(name, type, shape, scale, zeroPoint, offset);
            }
            if (r.Remaining != 0) throw r.Fail(r.Remaining.ToString() + " unexpected bytes after the tensors");
            return tensors;
        }

        private static void CheckPlacement(TensorInfo[] tensors, int arena8, int arena32)
        {
            for (int i = 0; i < tensors.Length; i++)
            {
                TensorInfo t = tensors[i];
                int length = t.Type == TensorType.Int8 ? arena8 : arena32;
                if (t.ArenaOffset < 0 || (long)t.ArenaOffset + t.ElementCount > length)
                    throw new EdgeFormatException(Source + ": tensor '" + t.Name + "' at " + t.ArenaOffset.ToString() + " (+" + t.ElementCount.ToString() + ") lies outside its arena (" + length.ToString() + ")");
            }
        }

        private static InputQuantizer[] ReadInputs(ByteReader r, byte[] data, TensorInfo[] tensors)
        {
            int count = r.ReadUInt16("input count");
            if (count == 0) throw r.Fail("the graph has no inputs");
            var inputs = new InputQuantizer[count];
            for (int i = 0; i < count; i++)
            {
                int tensor = TensorIndex(r, tensors.Length, "input tensor");
                int channels = r.ReadUInt16("input channels");
                int inner = r.ReadInt32("input inner size");
                TensorInfo t = tensors[tensor];
                if (t.Type == TensorType.Float32Key ? channels != 0 : channels < 1 || (long)channels * inner != t.ElementCount)
                    throw r.Fail("input '" + t.Name + "': " + channels.ToString() + " channels of " + inner.ToString() + " do not cover its " + t.ElementCount.ToString() + " elements");
                float[] a = new float[channels];
                float[] b = new float[channels];
                for (int c = 0; c < channels; c++) a[c] = ReadSingle(r, data, "input scale");
                for (int c = 0; c < channels; c++) b[c] = ReadSingle(r, data, "input offset");
                inputs[i] = new InputQuantizer(tensor, channels, inner, a, b);
            }
            return inputs;
        }

        private static int[] ReadTensorList(ByteReader r, TensorInfo[] tensors, string what)
        {
            int count = r.ReadUInt16(what + " count");
            if (count == 0) throw r.Fail("the graph has no " + what + "s");
            int[] list = new int[count];
            for (int i = 0; i < count; i++) list[i] = TensorIndex(r, tensors.Length, what + " tensor");
            return list;
        }

        private static Operation[] ReadOperations(ByteReader r, int tensorCount)
        {
            int count = r.ReadUInt16("operation count");
            var operations = new Operation[count];
            for (int i = 0; i < count; i++)
            {
                int code = r.ReadByte("op code");
                string name = r.ReadShortString("op name");
                int expected = OpCode.ParameterCount(code);
                if (expected < 0) throw r.Fail("operation " + i.ToString() + " ('" + name + "') has unknown op code " + code.ToString());
                int[] inputs = new int[r.ReadByte("op input count")];
                for (int k = 0; k < inputs.Length; k++) inputs[k] = TensorIndex(r, tensorCount, "op input");
                int[] outputs = new int[r.ReadByte("op output count")];
                for (int k = 0; k < outputs.Length; k++) outputs[k] = TensorIndex(r, tensorCount, "op output");
                int parameterCount = r.ReadUInt16("op parameter count");
                if (parameterCount != expected)
                    throw r.Fail("operation " + i.ToString() + " (" + OpCode.Name(code) + " '" + name + "') has " + parameterCount.ToString() + " parameters, expected " + expected.ToString());
                int[] parameters = new int[parameterCount];
                for (int k = 0; k < parameterCount; k++) parameters[k] = r.ReadInt32("op parameter");
                operations[i] = new Operation(code, name, inputs, outputs, parameters);
            }
            return operations;
        }

        private static int TensorIndex(ByteReader r, int tensorCount, string what)
        {
            int index = r.ReadUInt16(what);
            if (index >= tensorCount) throw r.Fail(what + " " + index.ToString() + " does not exist (" + tensorCount.ToString() + " tensors)");
            return index;
        }

        private static sbyte[] ReadWeights(ByteReader r)
        {
            if (r == null) return new sbyte[0];
            sbyte[] weights = new sbyte[r.Remaining];
            for (int i = 0; i < weights.Length; i++) weights[i] = (sbyte)r.ReadByte("weights");
            return weights;
        }

        private static int[] ReadInts(ByteReader r)
        {
            if (r == null) return new int[0];
            if (r.Remaining % 4 != 0) throw r.Fail("int32 data length " + r.Remaining.ToString() + " is not a multiple of 4");
            int[] ints = new int[r.Remaining / 4];
            for (int i = 0; i < ints.Length; i++) ints[i] = r.ReadInt32("int32 data");
            return ints;
        }

        private static byte[] ReadBytes(ByteReader r, string what)
        {
            if (r == null) return new byte[0];
            byte[] bytes = new byte[r.Remaining];
            for (int i = 0; i < bytes.Length; i++) bytes[i] = r.ReadByte(what);
            return bytes;
        }

        /// <summary>A little-endian float32 at the reader's position (ByteReader covers integers only).</summary>
        private static float ReadSingle(ByteReader r, byte[] data, string field)
        {
            int at = r.Position;
            r.Skip(4, field);
            return BitConverter.ToSingle(data, at);
        }

        private static string Hex(uint value)
        {
            return "0x" + value.ToString("X8");
        }
    }
}

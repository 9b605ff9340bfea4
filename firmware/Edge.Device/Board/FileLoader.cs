using System;
using Edge.Device.Codec;
using Edge.Device.Drift;
using Edge.Device.Inference;
using Edge.Device.Model;

namespace Edge.Device.Board
{
    /// <summary>
    /// Makes an uploaded (or stored) file what the board runs: a model (.edgem), with its embedded
    /// drift profile unless one was uploaded on its own, or a drift profile (.edgp). Only a file
    /// that loads replaces anything.
    /// </summary>
    public sealed class FileLoader
    {
        private readonly BoardConfig _config;
        private readonly RowPipeline _rows;
        private readonly VectorStore _vectors;
        private bool _profileFromModel;

        public FileLoader(BoardConfig config, RowPipeline rows, VectorStore vectors)
        {
            _config = config;
            _rows = rows;
            _vectors = vectors;
        }

        /// <summary>Loads the first <paramref name="length"/> bytes of <paramref name="file"/>; returns the problem, or null when it now runs.</summary>
        public string Load(byte kind, byte[] file, int length)
        {
            try
            {
                if (kind == UploadKind.Model)
                {
                    EdgeModel model = ModelReader.ReadResident(file, length);
                    var interpreter = new Interpreter(model, _config.ArenaBudget, _config.Kernels != null ? _config.Kernels : Int8Kernels.Default);
                    DriftMonitor embedded = null;
                    if (model.DriftProfileLength > 0 && (_rows.Drift == null || _profileFromModel))
                        embedded = new DriftMonitor(DriftProfileReader.Read(file, model.DriftProfileAt, model.DriftProfileLength, "model's drift profile"));
                    _rows.SetModel(interpreter);
                    if (embedded != null)
                    {
                        _rows.SetDrift(embedded);
                        _profileFromModel = true;
                    }
                    _vectors.Resize(interpreter.InputsLength);
                }
                else
                {
                    var monitor = new DriftMonitor(DriftProfileReader.Read(file, 0, length, "drift profile"));
                    _rows.SetDrift(monitor);
                    _profileFromModel = false;
                }
                return null;
            }
            catch (EdgeFormatException e)
            {
                return e.Message;
            }
            catch (ArenaBudgetException e)
            {
                return e.Message;
            }
            catch (OutOfMemoryException)
            {
                return "not enough memory to load it";
            }
        }
    }
}

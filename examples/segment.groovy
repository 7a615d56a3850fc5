#@ File (label = "T1 image (.nii, .nii.gz, .tif)") input
#@ File (label = "Model bundle (.zip; empty: bundled model)", required = false) model
#@ CommandService commands
#@output Double volume_mm3

// Hippo SNN from a script, e.g. headless:
//   ImageJ --headless --run segment.groovy 'input="/data/t1.nii.gz",model="/models/ann.zip"'
// Runs Plugins > Hippocampus SNN > Segment Hippocampus and keeps its outputs.

import org.hipposnn.fiji.SegmentHippocampusCommand

def module = commands.run(SegmentHippocampusCommand, true,
        "input_file", input, "model_file", model, "time_steps", 0).get()
if (module.isCanceled()) throw new IllegalStateException(module.getCancelReason())

volume_mm3 = module.getOutput("volume_mm3")
def labels = module.getOutput("labels")   // ij.ImagePlus on the input's grid
println "${input.name}: ${String.format(Locale.ROOT, '%.1f', volume_mm3)} mm3 " +
        "(${labels.width}x${labels.height}x${labels.stackSize} label stack)"

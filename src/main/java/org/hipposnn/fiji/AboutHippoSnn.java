package org.hipposnn.fiji;

import ij.IJ;
import ij.plugin.PlugIn;

/**
 * Help &gt; About Plugins &gt; Hippo SNN...: the one ImageJ 1.x menu entry (from plugins.config).
 * The commands themselves are SciJava commands that Fiji lists from their annotations; listing
 * them in plugins.config too would register each label twice. This entry also shows plain
 * ImageJ 1.x users, who have no SciJava menus, how to call the plugin from a macro.
 */
public class AboutHippoSnn implements PlugIn {

    static final String TEXT = "Hippo SNN: hippocampus segmentation in T1 MR images with a hybrid-trained spiking U-Net.\n"
            + "Fiji: Plugins > Hippocampus SNN > Segment Hippocampus, Train ANN, Convert to SNN, Fine-tune SNN, Cross-validate.\n"
            + "Macros (ImageJ 1.x and Fiji):\n"
            + "  call(\"org.hipposnn.fiji.Macros.segment\", inputPath, outputPath, modelPath)\n"
            + "  call(\"org.hipposnn.fiji.Macros.segmentFolder\", inputDir, outputDir, modelPath)\n"
            + "An empty modelPath uses the bundled model (" + ModelChoice.BUNDLED + "): a fine-tuned SNN (T = 20, constant-current input) trained on\n"
            + "the 200 MSD Task04 development cases (Simpson et al. 2019, arXiv:1902.09063; weights CC-BY-SA 4.0).";

    @Override
    public void run(String arg) {
        if (IJ.getInstance() == null) IJ.log(TEXT); // batch mode or headless: no dialog
        else IJ.showMessage("About Hippo SNN", TEXT);
    }
}

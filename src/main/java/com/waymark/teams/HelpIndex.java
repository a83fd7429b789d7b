package com.waymark.teams;

import java.util.List;

/** Every slice's lines of help for one audience, in the order the slices are asked: what help is made of. */
public interface HelpIndex {

    List<String> help(HelpLine.Audience audience);
}

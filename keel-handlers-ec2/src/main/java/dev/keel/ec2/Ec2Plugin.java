package dev.keel.ec2;

import org.pf4j.Plugin;

/** The plugin's lifecycle class; it has nothing to start, its extensions do the work. */
public class Ec2Plugin extends Plugin {

  /** Creates the plugin. */
  public Ec2Plugin() {}
}

"""Training: rewards, RL data, verl and ms-swift integration."""

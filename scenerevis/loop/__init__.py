"""loop: the render -> evaluate -> revise episode: conversation building, turns, logging."""

"""Running the product: set-up steps, training, the launcher and scale-out."""

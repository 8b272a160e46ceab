//! Entry point: mount the ScaleLab app into the page body.
fn main() {
    scalelab::ui::mount();
}

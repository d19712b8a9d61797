// A GoogleTest fixture that gives each test suite a headless OpenGL context (EGL
// surfaceless). Tests skip with the reason when no context can be made, so the suite
// still passes on a machine without EGL; on the project's machine it must work.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "platform/egl_context.hpp"

namespace deportmap::test {

class GlTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        try {
            context_ = std::make_unique<platform::HeadlessGlContext>();
        } catch (const std::exception& e) {
            skip_reason_ = e.what();
        }
    }
    static void TearDownTestSuite() { context_.reset(); }
    void SetUp() override {
        if (!context_) GTEST_SKIP() << skip_reason_;
    }
    static const platform::HeadlessGlContext& context() { return *context_; }

private:
    inline static std::unique_ptr<platform::HeadlessGlContext> context_;
    inline static std::string skip_reason_;
};

}  // namespace deportmap::test
